// Item: one Python scalar crossing the boundary between the interpreter and the
// buffer engine -- what struct.unpack / memoryview[i] / array[i] / tolist() give
// back, and what pack / item assignment receive.
//
// Usage (interpreter side):
//     Item v = Item::integer(-5);               // a Python int that fits int64
//     Item big = Item::int_from(false, mag);    // sign + uint64 magnitude
//     Item huge = Item::big_int(true, -1e30);   // |x| >= 2**64: sign + approx
//     Item s = Item::other("str", /*truthy=*/true);  // anything else: type name
//     BV_TRY(x, mv->get(Subscript::index(Item::integer(0))));
//
// Ints carry sign + 64-bit magnitude + a "too big" flag, which is all the engine
// needs to produce CPython's range errors; `approx` keeps a double for float
// conversion of huge ints ("int too large to convert to float" when inf).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine {

class Item {
public:
    enum class Kind { None, Bool, Int, Float, Bytes, Other };

    Item() = default;  // None
    static Item none() { return Item(); }
    static Item boolean(bool b);
    static Item integer(int64_t v);
    static Item uinteger(uint64_t v);
    // An int with |value| = magnitude (exact).
    static Item int_from(bool negative, uint64_t magnitude);
    // An int with |value| >= 2**64; `approx` is its value as a double (may be inf).
    static Item big_int(bool negative, double approx);
    static Item floating(double v);
    static Item bytes(std::string v);
    // Any other Python object: its type name ("str", "list", ...) and truth value.
    static Item other(std::string type_name, bool truthy = true);
    // A bytearray value: struct 's'/'p' accept it, struct 'c' and memoryview 'c'
    // refuse it (they want bytes exactly), so do not pass bytearrays as bytes().
    static Item bytearray(std::string v);

    Kind kind() const { return kind_; }
    bool is_none() const { return kind_ == Kind::None; }
    bool is_bool() const { return kind_ == Kind::Bool; }
    // bool is a subclass of int, as in Python.
    bool is_int() const { return kind_ == Kind::Int || kind_ == Kind::Bool; }
    bool is_float() const { return kind_ == Kind::Float; }
    bool is_bytes() const { return kind_ == Kind::Bytes; }

    bool bool_value() const { return bool_; }
    double float_value() const { return float_; }
    const std::string& bytes_value() const { return bytes_; }
    bool is_bytearray() const { return kind_ == Kind::Other && has_data_; }
    const std::string& bytearray_value() const { return bytes_; }

    // Int access (valid when is_int()).
    bool negative() const { return negative_; }
    uint64_t magnitude() const { return magnitude_; }
    bool too_big() const { return too_big_; }  // |value| >= 2**64
    std::optional<int64_t> as_int64() const;    // nullopt when out of range or not an int
    std::optional<uint64_t> as_uint64() const;  // nullopt when negative/out of range/not int
    // The int or float as a double; nullopt for other kinds. Huge ints may give inf.
    std::optional<double> as_double() const;

    // Python's truth value.
    bool truthy() const;
    // type(x).__name__: "NoneType", "bool", "int", "float", "bytes", or the other's name.
    std::string type_name() const;
    // repr(x) as CPython prints it: 1, -5, True, None, 1.5, b'a\x00'. Huge ints: "<big int>".
    std::string repr() const;

    bool operator==(const Item& o) const;  // Python ==, incl. 1 == 1.0 == True, nan != nan

private:
    Kind kind_ = Kind::None;
    bool bool_ = false;
    bool negative_ = false;
    uint64_t magnitude_ = 0;
    bool too_big_ = false;
    double float_ = 0.0;  // Float value, or approx for too_big ints
    std::string bytes_;   // Bytes value, bytearray data, or the type name of Other
    bool truthy_ = true;  // Other only
    bool has_data_ = false;  // Other: a bytearray whose data is in bytes_
};

// tolist() of a multi-dimensional view: a leaf Item or a list of NestedItem.
struct NestedItem {
    bool is_list = false;
    Item item;                        // when !is_list
    std::vector<NestedItem> elements;  // when is_list
    std::string repr() const;         // "[[1, 2], [3, 4]]"
};

// repr of a list of items: "[1, 2, 3]"; of a tuple: "(1,)" / "(1, 2)".
std::string repr_list(const std::vector<Item>& items);
std::string repr_tuple(const std::vector<Item>& items);
// repr of a bytes value: b'ab\x00'.
std::string bytes_repr(std::string_view b);

}  // namespace engine
