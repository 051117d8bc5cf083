// Interpreter: runs, budgets, output and tracebacks.
#include "engine/python/interpreter.hpp"

#include <algorithm>

#include "engine/python/frame.hpp"
#include "engine/python/lexer.hpp"
#include "engine/python/parser.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

Interpreter::Interpreter(RunOptions options)
    : options_(std::move(options)), buffers_(options_.memory_budget) {
    heap.attach(&buffers_, options_.memory_budget);
    globals_ = std::make_shared<Frame>();
    globals_->kind = FrameKind::Module;
    globals_->globals = globals_.get();
    globals_->vars.emplace("__name__", Value::str("__main__"));
    globals_->order.push_back("__name__");
}

Interpreter::~Interpreter() {
    closing_ = true;  // a generator dying now does not run its finally blocks
    // Every Value must die before the BufferContext they point into.
    raised_value_.reset();
    handling_.clear();
    return_value_ = Value();
    constants_.clear();
    if (globals_) globals_->clear();
    globals_.reset();
    {
        HeapScope scope(&heap);
        heap.gc().collect();  // the cycles left: nothing outlives the run
    }
    heap.detach();  // Values still alive (none should be) only uncount themselves
}

void Interpreter::write_output(std::string_view text) {
    if (options_.output) {
        options_.output(text);
    } else {
        output_ += text;
    }
}

Result<void> Interpreter::tick() {
    if (++steps_ > options_.step_budget) {
        return raise(ExcType::TimeoutError, "the program ran past its step budget of " +
                                                std::to_string(options_.step_budget) + " steps");
    }
    // A growth no producer checked first took the heap past its budget.
    if (heap.over()) return raise(ExcType::MemoryError, "");
    return ok();
}

std::optional<Value> Interpreter::global(std::string_view name) const {
    auto it = globals_->vars.find(std::string(name));
    if (it == globals_->vars.end()) return std::nullopt;
    return it->second;
}

void Interpreter::visit_frames(const FrameVisitor& fn) const {
    auto visit = [&](const Frame& frame, std::string_view function, int depth) {
        for (const auto& name : frame.order) {
            auto it = frame.vars.find(name);
            if (it != frame.vars.end()) fn(function, depth, name, it->second);
        }
    };
    visit(*globals_, "<module>", 0);
    int depth = 1;
    for (const Frame* frame : active_) {
        visit(*frame,
              frame->spec ? std::string_view(frame->spec->name)
                          : std::string_view(frame->scope_name ? frame->scope_name : "?"),
              depth++);
    }
}

Result<void> Interpreter::run(std::string_view source) {
    traceback_.clear();
    active_.clear();
    handling_.clear();
    raised_value_.reset();
    depth_ = 1;  // the module frame
    source_ = std::string(source);
    HeapScope heap_scope(&heap);
    auto parsed = parse(source);
    if (!parsed) return name_source_file(std::move(parsed).error(), options_.filename);
    modules_.push_back(std::make_unique<Module>(std::move(*parsed)));
    const Module& module = *modules_.back();
    char base = 0;
    stack_base_ = &base;
    Interp* previous = current_interp();
    set_current_interp(this);  // user __repr__/__eq__/__bool__ reached from the runtime
    auto flow = exec_block(module.body, globals_);
    set_current_interp(previous);
    stack_base_ = nullptr;
    uncaught_class_.clear();
    if (!flow && raised_value_ && raised_error_.type == flow.error().type &&
        raised_error_.message == flow.error().message) {
        if (auto name = exception_class_name(*raised_value_)) uncaught_class_ = *name;
    }
    raised_value_.reset();
    if (!flow) {
        Error e = std::move(flow).error();
        if (e.line == 0) e = stamp(std::move(e), globals_->line);
        traceback_.push_back({"<module>", e.line, span_});
        span_ = SourceSpan{};
        std::reverse(traceback_.begin(), traceback_.end());
        e.line = traceback_.back().line;  // where it was raised
        return e;
    }
    return ok();
}

std::string Interpreter::format_exception_line(const Error& error) {
    std::string out(exc_qualified_name(error.type));
    if (!error.message.empty()) out += ": " + error.message;
    return out;
}

namespace {

// The source line as it is in the file (no newline), or "".
std::string raw_line(const std::string& source, int line) {
    size_t pos = 0;
    for (int i = 1; i < line && pos != std::string::npos; ++i) {
        pos = source.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    if (pos == std::string::npos || pos >= source.size()) return "";
    const size_t end = source.find('\n', pos);
    std::string text = source.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

// The source line without its indentation and trailing spaces (SyntaxError's form).
std::string source_line(const std::string& source, int line) {
    const std::string text = raw_line(source, line);
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    const size_t last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

// Characters (code points) in the first `bytes` bytes of UTF-8 `s`.
int chars_in(const std::string& s, int bytes) {
    int n = 0;
    for (int i = 0; i < bytes && i < static_cast<int>(s.size()); ++i)
        if ((static_cast<unsigned char>(s[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++n;
    return n;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n'; }

// A traceback's source line and the carets under it, as CPython 3.11 prints
// an uncaught exception (Python/traceback.c: tb_displayline,
// extract_anchors_from_expr, print_error_location_carets): the line without
// its indentation (trailing spaces kept), then ^ under the expression that
// raised, ~ for the operands of a binary operator or a subscript. No carets
// when they would underline the whole line.
std::string source_and_carets(const std::string& line, int lineno, const SourceSpan& span) {
    const int n = static_cast<int>(line.size());
    int lead = 0;
    while (lead < n && (line[static_cast<size_t>(lead)] == ' ' || line[static_cast<size_t>(lead)] == '\t' ||
                        line[static_cast<size_t>(lead)] == '\f'))
        ++lead;
    if (lead >= n) return "";
    std::string out = "    " + line.substr(static_cast<size_t>(lead)) + "\n";
    if (span.col <= 0 || span.end_line <= 0) return out;
    const int start_b = span.col - 1;
    if (start_b > n) return out;
    int trail_end = n;
    while (trail_end > 0 && is_space(line[static_cast<size_t>(trail_end - 1)])) --trail_end;
    const bool one_line = span.end_line == lineno;
    const int end_b = one_line ? std::min(span.end_col - 1, n) : trail_end;
    if (end_b < start_b) return out;
    const std::string segment = line.substr(static_cast<size_t>(start_b), static_cast<size_t>(end_b - start_b));
    const int seg_len = static_cast<int>(segment.size());
    int left = -1, right = -1;  // byte offsets in the segment
    if (one_line && span.anchor == SourceSpan::Anchor::Binary) {
        const int from = span.left_end - 1 - start_b, to = span.right_begin - 1 - start_b;
        for (int i = std::max(from, 0); i < to && i < seg_len; ++i) {
            if (is_space(segment[static_cast<size_t>(i)])) continue;
            left = i;
            right = i + 1;
            if (i + 1 < to && !is_space(segment[static_cast<size_t>(i + 1)])) ++right;  // a two-character operator
            if (i + 1 < to && segment[static_cast<size_t>(i)] == ')') continue;         // past a closing parenthesis
            break;
        }
    } else if (one_line && span.anchor == SourceSpan::Anchor::Subscript) {
        left = std::max(span.left_end - 1 - start_b, 0);
        right = std::max(span.right_end - start_b, 0);
        while (left < seg_len && segment[static_cast<size_t>(left)] != '[') ++left;
        while (right < seg_len && segment[static_cast<size_t>(right)] != ']') ++right;
        if (right < seg_len) ++right;
    }
    const int start = chars_in(line, start_b);
    const int end = chars_in(line, end_b);
    const bool anchored = left >= 0 && right >= 0;
    const int stripped_len = chars_in(line, n) - chars_in(line, lead);
    if (end - start == stripped_len && !anchored) return out;
    out += "    " + std::string(static_cast<size_t>(std::max(0, start - chars_in(line, lead))), ' ');
    if (anchored) {
        const int l = start + chars_in(segment, left), r = start + chars_in(segment, right);
        for (int c = start; c < end; ++c) out += (c >= l && c < r) ? '^' : '~';
    } else {
        out += std::string(static_cast<size_t>(end - start), '^');
    }
    return out + "\n";
}

}  // namespace

std::string Interpreter::format_traceback(const Error& error) const {
    std::string out;
    bool syntax = exc_is_subclass(error.type, ExcType::SyntaxError);
    if (syntax || traceback_.empty()) {
        if (error.line > 0) {
            out +=
                "  File \"" + options_.filename + "\", line " + std::to_string(error.line) + "\n";
            std::string text = source_line(source_, error.line);
            if (!text.empty()) out += "    " + text + "\n";
        }
        if (!syntax) out = "Traceback (most recent call last):\n" + out;
        return out + format_exception_line(error) + "\n";
    }
    // CPython reads the lines of a traceback back from the file; a program
    // without one ("<stdin>", "<string>") gets none.
    const std::string& f = options_.filename;
    const bool has_file = !(f.size() >= 2 && f.front() == '<' && f.back() == '>');
    out = "Traceback (most recent call last):\n";
    for (const auto& entry : traceback_) {
        out += "  File \"" + options_.filename + "\", line " + std::to_string(entry.line) +
               ", in " + entry.function + "\n";
        if (has_file) out += source_and_carets(raw_line(source_, entry.line), entry.line, entry.span);
    }
    if (!uncaught_class_.empty()) {
        return out + uncaught_class_ + (error.message.empty() ? "" : ": " + error.message) +
               hint_for(error) + "\n";
    }
    return out + format_exception_line(error) + hint_for(error) + "\n";
}

}  // namespace engine::py
