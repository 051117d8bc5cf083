// Scope analysis in three linear passes over the tree:
//   1. `global` declarations per function (they are not locals);
//   2. bottom-up, memoised: each function's free names (read, not bound) and
//      its cell variables (locals that nested scopes read);
//   3. top-down: uses_enclosing = a free name is a local of an enclosing function.
#include "engine/python/scope.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <unordered_map>

namespace engine::py {
namespace {

using Names = std::set<std::string>;

bool contains(const std::vector<std::string>& v, const std::string& n) {
    return std::find(v.begin(), v.end(), n) != v.end();
}

// Calls `on_fn` for each function or lambda directly nested in a body (not
// inside those functions), and `on_expr` for every expression outside them.
struct Walker {
    std::function<void(FunctionSpec&)> on_fn;
    std::function<void(const Expr&)> on_expr;

    void expr(Expr* e) {
        if (!e) return;
        on_expr(*e);
        if (e->kind == ExprKind::Lambda) {
            for (auto& p : e->fn->params) expr(p.default_value.get());
            for (auto& p : e->fn->kwonly) expr(p.default_value.get());
            on_fn(*e->fn);
            return;
        }
        expr(e->a.get());
        expr(e->b.get());
        expr(e->c.get());
        for (auto& i : e->items) expr(i.get());
        for (auto& i : e->values) expr(i.get());
        for (auto& k : e->keywords) expr(k.value.get());
        for (auto& g : e->generators) {
            expr(g.target.get());
            expr(g.iter.get());
            for (auto& c : g.ifs) expr(c.get());
        }
    }

    void block(Block& b) {
        for (auto& s : b) {
            for (auto& t : s->targets) expr(t.get());
            expr(s->target.get());
            expr(s->value.get());
            block(s->body);
            block(s->orelse);
            block(s->finalbody);
            for (auto& h : s->handlers) {
                expr(h.type.get());
                block(h.body);
            }
            for (auto& w : s->items) {
                expr(w.context.get());
                expr(w.target.get());
            }
            if (s->kind == StmtKind::FunctionDef) {
                for (auto& p : s->fn->params) expr(p.default_value.get());
                for (auto& p : s->fn->kwonly) expr(p.default_value.get());
                on_fn(*s->fn);
            }
            if (s->kind == StmtKind::ClassDef) on_fn(*s->fn);
        }
    }

    void body(FunctionSpec& spec) {
        block(spec.body);
        expr(spec.body_expr.get());
    }
};

void collect_globals(Block& block, FunctionSpec* spec) {
    for (auto& s : block) {
        if (s->kind == StmtKind::Global && spec) {
            for (const auto& a : s->names) spec->globals.push_back(a.name);
        }
        if (s->kind == StmtKind::FunctionDef || s->kind == StmtKind::ClassDef) {
            collect_globals(s->fn->body, s->fn.get());
            auto& l = s->fn->locals;
            auto& g = s->fn->globals;
            l.erase(std::remove_if(l.begin(), l.end(),
                                   [&](const std::string& n) { return contains(g, n); }),
                    l.end());
        }
        collect_globals(s->body, spec);
        collect_globals(s->orelse, spec);
        collect_globals(s->finalbody, spec);
        for (auto& h : s->handlers) collect_globals(h.body, spec);
    }
}

class Analyzer {
public:
    // Free names of `spec`; fills spec.cellvars. Memoised.
    const Names& free_names(FunctionSpec& spec) {
        auto it = free_.find(&spec);
        if (it != free_.end()) return it->second;
        Names reads;   // every name read in the body, nested scopes' free names included
        Names nested;  // names nested scopes read
        Walker w;
        w.on_fn = [&](FunctionSpec& inner) {
            const Names& f = free_names(inner);
            reads.insert(f.begin(), f.end());
            nested.insert(f.begin(), f.end());
        };
        w.on_expr = [&](const Expr& e) {
            if (e.kind == ExprKind::Name) reads.insert(e.name);
            // Comprehensions are scopes of their own: all they read counts as nested.
            if (e.kind == ExprKind::ListComp || e.kind == ExprKind::GenExp ||
                e.kind == ExprKind::DictComp || e.kind == ExprKind::SetComp) {
                Walker inner;
                inner.on_fn = [&](FunctionSpec& f) {
                    const Names& names = free_names(f);
                    nested.insert(names.begin(), names.end());
                };
                inner.on_expr = [&](const Expr& x) {
                    if (x.kind == ExprKind::Name) nested.insert(x.name);
                };
                inner.expr(const_cast<Expr*>(&e));
            }
        };
        w.body(spec);
        // `nonlocal n`: n belongs to an enclosing function even when only assigned.
        reads.insert(spec.nonlocals.begin(), spec.nonlocals.end());
        Names free;
        for (const auto& n : reads) {
            if (!contains(spec.locals, n) && !contains(spec.globals, n)) free.insert(n);
        }
        spec.cellvars.clear();
        for (const auto& n : spec.locals) {
            if (nested.count(n)) spec.cellvars.push_back(n);
        }
        return free_.emplace(&spec, std::move(free)).first->second;
    }

    void mark_enclosing(FunctionSpec& spec, const Names& enclosing) {
        for (const auto& n : free_names(spec)) {
            if (enclosing.count(n)) spec.uses_enclosing = true;
        }
        Names inner = enclosing;
        // A class body's names are not visible to the functions inside it.
        if (!spec.is_class) inner.insert(spec.locals.begin(), spec.locals.end());
        Walker w;
        w.on_fn = [&](FunctionSpec& f) { mark_enclosing(f, inner); };
        w.on_expr = [](const Expr&) {};
        w.body(spec);
    }

private:
    std::unordered_map<const FunctionSpec*, Names> free_;
};

}  // namespace

void analyze_scopes(Module& module) {
    collect_globals(module.body, nullptr);
    Analyzer analyzer;
    Walker top;
    top.on_fn = [&](FunctionSpec& f) { analyzer.mark_enclosing(f, Names{}); };
    top.on_expr = [](const Expr&) {};
    top.block(module.body);
}

}  // namespace engine::py
