// Item: construction, conversions, truth, equality and repr of a Python scalar.
#include "engine/buffer/item.hpp"

#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace engine {

Item Item::boolean(bool b) {
    Item i;
    i.kind_ = Kind::Bool;
    i.bool_ = b;
    i.magnitude_ = b ? 1 : 0;
    return i;
}

Item Item::integer(int64_t v) {
    Item i;
    i.kind_ = Kind::Int;
    i.negative_ = v < 0;
    i.magnitude_ = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    return i;
}

Item Item::uinteger(uint64_t v) { return int_from(false, v); }

Item Item::int_from(bool negative, uint64_t magnitude) {
    Item i;
    i.kind_ = Kind::Int;
    i.negative_ = negative && magnitude != 0;
    i.magnitude_ = magnitude;
    return i;
}

Item Item::big_int(bool negative, double approx) {
    Item i;
    i.kind_ = Kind::Int;
    i.negative_ = negative;
    i.magnitude_ = UINT64_MAX;
    i.too_big_ = true;
    i.float_ = approx;
    return i;
}

Item Item::floating(double v) {
    Item i;
    i.kind_ = Kind::Float;
    i.float_ = v;
    return i;
}

Item Item::bytes(std::string v) {
    Item i;
    i.kind_ = Kind::Bytes;
    i.bytes_ = std::move(v);
    return i;
}

Item Item::other(std::string type_name, bool truthy) {
    Item i;
    i.kind_ = Kind::Other;
    i.bytes_ = std::move(type_name);
    i.truthy_ = truthy;
    return i;
}

Item Item::bytearray(std::string v) {
    Item i = other(std::move(v), true);
    i.truthy_ = !i.bytes_.empty();
    i.has_data_ = true;
    return i;
}

std::optional<int64_t> Item::as_int64() const {
    if (!is_int() || too_big_) return std::nullopt;
    if (!negative_) {
        if (magnitude_ > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
        return static_cast<int64_t>(magnitude_);
    }
    if (magnitude_ > uint64_t{1} << 63) return std::nullopt;
    if (magnitude_ == uint64_t{1} << 63) return INT64_MIN;
    return -static_cast<int64_t>(magnitude_);
}

std::optional<uint64_t> Item::as_uint64() const {
    if (!is_int() || too_big_ || negative_) return std::nullopt;
    return magnitude_;
}

std::optional<double> Item::as_double() const {
    if (kind_ == Kind::Float) return float_;
    if (!is_int()) return std::nullopt;
    if (too_big_) return float_;
    double m = static_cast<double>(magnitude_);
    return negative_ ? -m : m;
}

bool Item::truthy() const {
    switch (kind_) {
        case Kind::None: return false;
        case Kind::Bool: return bool_;
        case Kind::Int: return magnitude_ != 0 || too_big_;
        case Kind::Float: return float_ != 0.0;
        case Kind::Bytes: return !bytes_.empty();
        case Kind::Other: return truthy_;
    }
    return true;
}

std::string Item::type_name() const {
    switch (kind_) {
        case Kind::None: return "NoneType";
        case Kind::Bool: return "bool";
        case Kind::Int: return "int";
        case Kind::Float: return "float";
        case Kind::Bytes: return "bytes";
        case Kind::Other: return has_data_ ? "bytearray" : bytes_;
    }
    return "object";
}

namespace {

std::string float_repr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
    // Python's repr: shortest round-trip digits; exponent form outside [1e-4, 1e16).
    std::string s = fmt::format("{}", v);
    double a = std::fabs(v);
    if (a != 0.0 && (a >= 1e16 || a < 1e-4)) {
        // fmt may print 1e+16 style already; make sure it is exponent form.
        if (s.find('e') == std::string::npos) s = fmt::format("{:e}", v);
        // Python: mantissa without trailing zeros, exponent with at least 2 digits.
        auto e = s.find('e');
        std::string mant = s.substr(0, e), ex = s.substr(e + 1);
        if (mant.find('.') != std::string::npos) {
            while (!mant.empty() && mant.back() == '0') mant.pop_back();
            if (!mant.empty() && mant.back() == '.') mant.pop_back();
        }
        char sign = '+';
        if (!ex.empty() && (ex[0] == '+' || ex[0] == '-')) {
            sign = ex[0];
            ex = ex.substr(1);
        }
        while (ex.size() > 1 && ex[0] == '0') ex = ex.substr(1);
        if (ex.size() < 2) ex = "0" + ex;
        return mant + "e" + sign + ex;
    }
    if (s.find('e') != std::string::npos) s = fmt::format("{:f}", v);  // safety
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
}

}  // namespace

std::string bytes_repr(std::string_view b) {
    bool has_single = b.find('\'') != std::string_view::npos;
    bool has_double = b.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (unsigned char c : b) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7f) {
            out += fmt::format("\\x{:02x}", c);
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return out;
}

std::string Item::repr() const {
    switch (kind_) {
        case Kind::None: return "None";
        case Kind::Bool: return bool_ ? "True" : "False";
        case Kind::Int:
            if (too_big_) return negative_ ? "-<big int>" : "<big int>";
            return negative_ ? fmt::format("-{}", magnitude_) : fmt::format("{}", magnitude_);
        case Kind::Float: return float_repr(float_);
        case Kind::Bytes: return bytes_repr(bytes_);
        case Kind::Other:
            if (has_data_) return "bytearray(" + bytes_repr(bytes_) + ")";
            return "<" + bytes_ + " object>";
    }
    return "?";
}

bool Item::operator==(const Item& o) const {
    if (is_int() && o.is_int()) {
        if (too_big_ || o.too_big_) return too_big_ == o.too_big_ && negative_ == o.negative_ && float_ == o.float_;
        return negative_ == o.negative_ && magnitude_ == o.magnitude_;
    }
    if ((is_int() || is_float()) && (o.is_int() || o.is_float())) {
        // int vs float: compare exactly where possible.
        const Item& f = is_float() ? *this : o;
        const Item& i = is_float() ? o : *this;
        if (i.is_float()) return f.float_ == i.float_;
        double d = f.float_;
        if (std::isnan(d) || std::isinf(d)) return false;
        if (d != std::floor(d)) return false;
        if (i.too_big_) return d == i.float_;
        bool neg = d < 0;
        double ad = std::fabs(d);
        if (ad >= 18446744073709551616.0) return false;
        uint64_t m = static_cast<uint64_t>(ad);
        return (neg == i.negative_ || m == 0) && m == i.magnitude_;
    }
    if (kind_ != o.kind_) {
        return false;
    }
    switch (kind_) {
        case Kind::None: return true;
        case Kind::Bytes: return bytes_ == o.bytes_;
        case Kind::Other: return has_data_ && o.has_data_ && bytes_ == o.bytes_;
        default: return false;
    }
}

std::string NestedItem::repr() const {
    if (!is_list) return item.repr();
    std::string out = "[";
    for (size_t i = 0; i < elements.size(); ++i) {
        if (i) out += ", ";
        out += elements[i].repr();
    }
    return out + "]";
}

std::string repr_list(const std::vector<Item>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += items[i].repr();
    }
    return out + "]";
}

std::string repr_tuple(const std::vector<Item>& items) {
    std::string out = "(";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += items[i].repr();
    }
    if (items.size() == 1) out += ",";
    return out + ")";
}

}  // namespace engine
