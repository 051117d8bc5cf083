// JsonWriter: a small streaming JSON writer (objects, arrays, strings, numbers)
// for the scene and trace JSON. Commas are tracked per nesting level; keys and
// strings are escaped (UTF-8 passes through, control bytes become \u00XX).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace engine::scene {

class JsonWriter {
public:
    JsonWriter& begin_object() { value_prefix(); out_ += '{'; first_.push_back(true); return *this; }
    JsonWriter& end_object() { out_ += '}'; first_.pop_back(); return *this; }
    JsonWriter& begin_array() { value_prefix(); out_ += '['; first_.push_back(true); return *this; }
    JsonWriter& end_array() { out_ += ']'; first_.pop_back(); return *this; }
    JsonWriter& key(std::string_view k) {
        comma();
        string_raw(k);
        out_ += ':';
        after_key_ = true;
        return *this;
    }
    JsonWriter& value(std::string_view s) { value_prefix(); string_raw(s); return *this; }
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b) { value_prefix(); out_ += b ? "true" : "false"; return *this; }
    JsonWriter& value(int64_t n) { value_prefix(); out_ += std::to_string(n); return *this; }
    JsonWriter& value(uint64_t n) { value_prefix(); out_ += std::to_string(n); return *this; }
    JsonWriter& value(int n) { return value(static_cast<int64_t>(n)); }
    JsonWriter& value(unsigned n) { return value(static_cast<uint64_t>(n)); }
    JsonWriter& null() { value_prefix(); out_ += "null"; return *this; }
    template <class T>
    JsonWriter& field(std::string_view k, const T& v) { key(k); return value(v); }
    template <class T>
    JsonWriter& array(std::string_view k, const std::vector<T>& v) {
        key(k);
        begin_array();
        for (const T& x : v) value(x);
        return end_array();
    }

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void comma() {
        if (first_.empty()) return;
        if (!first_.back()) out_ += ',';
        first_.back() = false;
    }
    void value_prefix() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        comma();
    }
    void string_raw(std::string_view s) {
        static const char* hex = "0123456789abcdef";
        out_ += '"';
        for (char c : s) {
            unsigned char u = static_cast<unsigned char>(c);
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default:
                    if (u < 0x20) {
                        out_ += "\\u00";
                        out_ += hex[u >> 4];
                        out_ += hex[u & 15];
                    } else {
                        out_ += c;
                    }
            }
        }
        out_ += '"';
    }

    std::string out_;
    std::vector<bool> first_;
    bool after_key_ = false;
};

}  // namespace engine::scene
