#include "imgui_app/deflate.hpp"

#include "engine/core/checksum.hpp"

#include <algorithm>
#include <array>

namespace app {
namespace {

constexpr size_t kWindow = 32768;
constexpr size_t kMinMatch = 3;
constexpr size_t kMaxMatch = 258;
constexpr int kMaxChain = 48;  // candidates tried per position
constexpr int kHashBits = 15;

constexpr std::array<uint16_t, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<uint16_t, 30> kDistBase = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                                33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                                1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<uint8_t, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

// Bits go out least significant first; Huffman codes most significant bit first.
struct BitWriter {
    std::vector<uint8_t>& out;
    uint32_t acc = 0;
    int n = 0;
    void bits(uint32_t value, int count) {  // value's low `count` bits, LSB first
        acc |= value << n;
        n += count;
        while (n >= 8) {
            out.push_back(uint8_t(acc));
            acc >>= 8;
            n -= 8;
        }
    }
    void code(uint32_t code, int len) {  // a Huffman code, MSB first
        uint32_t r = 0;
        for (int i = 0; i < len; ++i) r |= ((code >> i) & 1u) << (len - 1 - i);
        bits(r, len);
    }
    void flush() {
        if (n > 0) out.push_back(uint8_t(acc));
        acc = 0;
        n = 0;
    }
};

// Deflate's fixed literal/length code (RFC 1951 3.2.6).
void put_symbol(BitWriter& w, int sym) {
    if (sym < 144) w.code(0x30 + sym, 8);
    else if (sym < 256) w.code(0x190 + (sym - 144), 9);
    else if (sym < 280) w.code(sym - 256, 7);
    else w.code(0xC0 + (sym - 280), 8);
}

void put_match(BitWriter& w, size_t length, size_t distance) {
    int li = 28;
    while (kLengthBase[li] > length) --li;
    put_symbol(w, 257 + li);
    w.bits(static_cast<uint32_t>(length - kLengthBase[li]), kLengthExtra[li]);
    int di = 29;
    while (kDistBase[di] > distance) --di;
    w.code(static_cast<uint32_t>(di), 5);
    w.bits(static_cast<uint32_t>(distance - kDistBase[di]), kDistExtra[di]);
}

uint32_t hash3(const uint8_t* p) {
    const uint32_t v = uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16);
    return (v * 2654435761u) >> (32 - kHashBits);
}

}  // namespace

std::vector<uint8_t> zlib_compress(const uint8_t* data, size_t size) {
    std::vector<uint8_t> out = {0x78, 0x9C};  // deflate, 32 KiB window, default level
    BitWriter w{out};
    w.bits(1, 1);  // BFINAL: the only block
    w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
    std::vector<int32_t> head(size_t{1} << kHashBits, -1);
    std::vector<int32_t> prev(kWindow, -1);
    auto insert = [&](size_t i) {
        const uint32_t h = hash3(data + i);
        prev[i % kWindow] = head[h];
        head[h] = static_cast<int32_t>(i);
    };
    size_t i = 0;
    while (i < size) {
        size_t best_len = 0, best_dist = 0;
        if (i + kMinMatch <= size) {
            const size_t max_len = std::min(kMaxMatch, size - i);
            int32_t cand = head[hash3(data + i)];
            for (int chain = 0; cand >= 0 && chain < kMaxChain; ++chain) {
                const size_t c = static_cast<size_t>(cand);
                if (i - c > kWindow - 1) break;
                if (data[c + best_len] == data[i + best_len] || best_len == 0) {
                    size_t len = 0;
                    while (len < max_len && data[c + len] == data[i + len]) ++len;
                    if (len > best_len) {
                        best_len = len;
                        best_dist = i - c;
                        if (len == max_len) break;
                    }
                }
                const int32_t next = prev[c % kWindow];
                if (next >= cand) break;  // the slot was reused by a newer position
                cand = next;
            }
        }
        if (best_len >= kMinMatch) {
            put_match(w, best_len, best_dist);
            const size_t end = i + best_len;
            for (; i < end; ++i)
                if (i + kMinMatch <= size) insert(i);
        } else {
            put_symbol(w, data[i]);
            if (i + kMinMatch <= size) insert(i);
            ++i;
        }
    }
    put_symbol(w, 256);  // end of block
    w.flush();
    const uint32_t check = engine::adler32_update(1, data, size);
    for (int s = 24; s >= 0; s -= 8) out.push_back(uint8_t(check >> s));
    return out;
}

}  // namespace app
