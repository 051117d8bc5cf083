// The functools module, the part modelled: reduce(function, iterable[,
// initial]) with CPython 3.11's _functools results and messages. The items
// are taken one by one (an iterator is not collected first), and a call that
// raises ends the reduction at its item.
#include <fmt/format.h>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {
namespace {

Result<Value> functools_reduce(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "reduce", 2, 3));  // PyArg_UnpackTuple's messages
    auto it = get_iter(interp, args.args[1]);
    if (!it) {
        if (it.error().type == ExcType::TypeError)
            return raise(ExcType::TypeError, "reduce() arg 2 must support iteration");
        return std::move(it).error();
    }
    std::optional<Value> acc;
    if (args.args.size() == 3) acc = args.args[2];
    const Value& fn = args.args[0];
    while (true) {
        BV_TRY(item, iter_next(interp, *it));
        if (!item) break;
        BV_CHECK(interp.tick());
        if (!acc) {
            acc = std::move(*item);
            continue;
        }
        BV_TRY(r, call(interp, fn, std::vector<Value>{std::move(*acc), std::move(*item)}));
        acc = std::move(r);
    }
    if (!acc)
        return raise(ExcType::TypeError, "reduce() of empty iterable with no initial value");
    return std::move(*acc);
}

}  // namespace

std::vector<std::pair<std::string, Value>> functools_module_attrs() {
    return {{"reduce", make_builtin("reduce", functools_reduce)}};
}

}  // namespace engine::py
