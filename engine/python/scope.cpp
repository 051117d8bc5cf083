#include "engine/python/scope.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace engine::py {
namespace {

using Names = std::set<std::string>;

void spec_free(FunctionSpec& spec, const Names& enclosing, Names& out);

void expr_reads(const Expr* e, const Names& enclosing, Names& out);

void exprs_reads(const std::vector<ExprPtr>& v, const Names& enclosing, Names& out) {
    for (const auto& e : v) expr_reads(e.get(), enclosing, out);
}

void function_reads(FunctionSpec& spec, const Names& enclosing, Names& out) {
    // Defaults belong to the defining scope; the body's free names too.
    for (const auto& p : spec.params) expr_reads(p.default_value.get(), enclosing, out);
    for (const auto& p : spec.kwonly) expr_reads(p.default_value.get(), enclosing, out);
    spec_free(spec, enclosing, out);
}

void expr_reads(const Expr* e, const Names& enclosing, Names& out) {
    if (!e) return;
    if (e->kind == ExprKind::Name) out.insert(e->name);
    if (e->kind == ExprKind::Lambda) {
        function_reads(*e->fn, enclosing, out);
        return;
    }
    expr_reads(e->a.get(), enclosing, out);
    expr_reads(e->b.get(), enclosing, out);
    expr_reads(e->c.get(), enclosing, out);
    exprs_reads(e->items, enclosing, out);
    exprs_reads(e->values, enclosing, out);
    for (const auto& k : e->keywords) expr_reads(k.value.get(), enclosing, out);
    for (const auto& g : e->generators) {
        expr_reads(g.iter.get(), enclosing, out);
        exprs_reads(g.ifs, enclosing, out);
    }
}

void block_reads(const Block& block, const Names& enclosing, Names& out) {
    for (const auto& s : block) {
        exprs_reads(s->targets, enclosing, out);
        expr_reads(s->target.get(), enclosing, out);
        expr_reads(s->value.get(), enclosing, out);
        block_reads(s->body, enclosing, out);
        block_reads(s->orelse, enclosing, out);
        block_reads(s->finalbody, enclosing, out);
        for (const auto& h : s->handlers) {
            expr_reads(h.type.get(), enclosing, out);
            block_reads(h.body, enclosing, out);
        }
        for (const auto& w : s->items) {
            expr_reads(w.context.get(), enclosing, out);
            expr_reads(w.target.get(), enclosing, out);
        }
        if (s->kind == StmtKind::FunctionDef) function_reads(*s->fn, enclosing, out);
    }
}

// Adds to `out` the names `spec` reads that it does not bind itself.
void spec_free(FunctionSpec& spec, const Names& enclosing, Names& out) {
    Names inner_enclosing = enclosing;
    for (const auto& n : spec.locals) inner_enclosing.insert(n);
    Names reads;
    block_reads(spec.body, inner_enclosing, reads);
    expr_reads(spec.body_expr.get(), inner_enclosing, reads);
    for (const auto& n : reads) {
        bool local = std::find(spec.locals.begin(), spec.locals.end(), n) != spec.locals.end();
        bool global = std::find(spec.globals.begin(), spec.globals.end(), n) != spec.globals.end();
        if (local || global) continue;
        out.insert(n);
        if (enclosing.count(n)) spec.uses_enclosing = true;
    }
}

// `global` statements: collected per function before the free-name pass.
void collect_globals(Block& block, FunctionSpec* spec);

void collect_globals_expr(Expr* e) {
    if (!e) return;
    if (e->kind == ExprKind::Lambda) return;
    collect_globals_expr(e->a.get());
    collect_globals_expr(e->b.get());
    collect_globals_expr(e->c.get());
    for (auto& i : e->items) collect_globals_expr(i.get());
    for (auto& i : e->values) collect_globals_expr(i.get());
}

void collect_globals(Block& block, FunctionSpec* spec) {
    for (auto& s : block) {
        if (s->kind == StmtKind::Global && spec) {
            for (const auto& a : s->names) spec->globals.push_back(a.name);
        }
        if (s->kind == StmtKind::FunctionDef) {
            collect_globals(s->fn->body, s->fn.get());
            auto& l = s->fn->locals;
            auto& g = s->fn->globals;
            l.erase(std::remove_if(l.begin(), l.end(),
                                   [&](const std::string& n) {
                                       return std::find(g.begin(), g.end(), n) != g.end();
                                   }),
                    l.end());
        }
        collect_globals(s->body, spec);
        collect_globals(s->orelse, spec);
        collect_globals(s->finalbody, spec);
        for (auto& h : s->handlers) collect_globals(h.body, spec);
    }
}

}  // namespace

void analyze_scopes(Module& module) {
    collect_globals(module.body, nullptr);
    Names none;
    Names reads;
    block_reads(module.body, none, reads);
}

}  // namespace engine::py
