// ReadLog: a BufferObserver that keeps the reads and struct fields the engine
// reports, as short strings for exact comparisons in the buffer tests:
//   read:  "item 3..4 via 7"                    (what begin..end via through)
//          "slice 1..8 via 2 [1,2)[4,5)[7,8)"   (pieces when not one run)
//   field: "0 I > 0..4 r 3203334829"            (index code order begin..end r|w value)
#pragma once

#include <string>
#include <vector>

#include "engine/buffer/observer.hpp"

namespace engine::testing {

struct ReadLog : BufferObserver {
    std::vector<std::string> reads, fields;
    std::vector<uint64_t> read_blocks, field_blocks;

    void on_read(const ReadEvent& e) override {
        std::string s = std::string(e.what) + " " + std::to_string(e.begin) + ".." +
                        std::to_string(e.end) + " via " + std::to_string(e.through_id);
        if (!e.pieces.empty()) {
            s += " ";
            for (const ByteRange& p : e.pieces) {
                s += "[" + std::to_string(p.begin) + "," + std::to_string(p.end) + ")";
            }
        }
        reads.push_back(std::move(s));
        read_blocks.push_back(e.block_id);
    }
    void on_field(const FieldEvent& e) override {
        fields.push_back(std::to_string(e.index) + " " + e.code + " " + e.order + " " +
                         std::to_string(e.begin) + ".." + std::to_string(e.end) + " " +
                         (e.write ? "w " : "r ") + std::string(e.value));
        field_blocks.push_back(e.block_id);
    }
    void clear() {
        reads.clear();
        fields.clear();
        read_blocks.clear();
        field_blocks.clear();
    }
};

// " via N": the tail of an expected read string.
inline std::string via(uint64_t id) { return " via " + std::to_string(id); }

}  // namespace engine::testing
