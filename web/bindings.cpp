// Embind surface over the engine, for the page and the browser tests.
// No engine logic here: every call forwards to the Session or to the running
// app, and errors come back as values ({ok, value} / {ok, error}), never as an
// abort of the module.
//
//   const p = new Module.Playground();      // an engine of its own
//   p.load(src); p.run();                   // {ok: true} or {ok: false, error, line}
//   p.stepCount(); p.sceneJson(n); p.traceJson(); p.output();
//
//   Module.appLoad(src)   Module.appSource()   Module.appStepCount()
//   Module.appStep()      Module.appSeek(n)    Module.appSceneJson()
//   Module.appOutput()    (everything the run printed, read-only)
//   Module.appUi()        {help, windows: [{name, x, y, w, h, scrollY, scrollMaxY}]}
//   Module.appProbe()     JSON: where the last frame drew cells, lanes, buttons (recording on)
// The app* functions drive the ImGui app on the page (window.bufview, index.html).
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <memory>
#include <string>

#include "engine/session/session.hpp"
#include "imgui_app/app.hpp"

namespace {

using emscripten::val;

val result_of(const engine::session::Session& s, bool ok) {
    val r = val::object();
    r.set("ok", ok);
    if (!ok) {
        r.set("error", s.exception_line());
        r.set("line", s.error() ? s.error()->line : 0);
    }
    return r;
}

class Playground {
public:
    Playground() : session_(std::make_unique<engine::session::Session>()) {}
    void load(const std::string& source) { session_->load(source); }
    val run() { return result_of(*session_, session_->run()); }
    double step_count() const { return static_cast<double>(session_->step_count()); }
    std::string scene_json(double step) { return session_->scene_json(static_cast<int64_t>(step)); }
    std::string trace_json() const { return session_->trace_json(); }
    std::string output() const { return session_->output(); }

private:
    std::unique_ptr<engine::session::Session> session_;
};

app::App* the_app() { return app::running_app(); }

val app_load(const std::string& source) {
    app::App* a = the_app();
    if (!a) return val::null();
    a->source = source;
    app::run_program(*a);
    return result_of(*a->session, !a->session->error());
}

std::string app_source() { return the_app() ? the_app()->source : std::string(); }
double app_step_count() { return the_app() ? static_cast<double>(the_app()->step_count) : 0; }
double app_step() { return the_app() ? static_cast<double>(the_app()->step) : 0; }

double app_seek(double n) {
    app::App* a = the_app();
    if (!a) return 0;
    app::seek(*a, static_cast<int64_t>(n));
    return static_cast<double>(a->step);
}

std::string app_output() {
    app::App* a = the_app();
    return a && a->session ? a->session->output() : std::string();
}

// What the UI showed in its last frame, read-only, so the browser tests can
// tell what a wheel or a key did: the help overlay, and every ImGui window
// drawn (panels and their child windows) with its rectangle in window points
// (CSS pixels at devicePixelRatio 1) and vertical scroll.
val app_ui() {
    app::App* a = the_app();
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!a || !g) return val::null();
    val windows = val::array();
    for (const ImGuiWindow* w : g->Windows) {
        if (!w->Active) continue;
        val o = val::object();
        o.set("name", std::string(w->Name));
        o.set("x", w->Pos.x);
        o.set("y", w->Pos.y);
        o.set("w", w->Size.x);
        o.set("h", w->Size.y);
        o.set("scrollY", w->Scroll.y);
        o.set("scrollMaxY", w->ScrollMax.y);
        windows.call<void>("push", o);
    }
    val r = val::object();
    r.set("help", a->show_help);
    r.set("windows", windows);
    return r;
}

// Where the last frame drew each byte cell, view lane and labelled button
// (app::ProbeItem as JSON, in window points). The first call turns recording
// on, so call it, let a frame pass, and call it again.
std::string app_probe() {
    app::App* a = the_app();
    if (!a) return "[]";
    a->keep_probe = true;
    return app::probe_json(a->last_probe);
}

std::string app_scene_json() {
    app::App* a = the_app();
    if (!a || !a->session) return "null";
    return a->session->scene_json(a->step);
}

}  // namespace

EMSCRIPTEN_BINDINGS(bufview) {
    emscripten::class_<Playground>("Playground")
        .constructor<>()
        .function("load", &Playground::load)
        .function("run", &Playground::run)
        .function("stepCount", &Playground::step_count)
        .function("sceneJson", &Playground::scene_json)
        .function("traceJson", &Playground::trace_json)
        .function("output", &Playground::output);
    emscripten::function("appLoad", &app_load);
    emscripten::function("appSource", &app_source);
    emscripten::function("appStepCount", &app_step_count);
    emscripten::function("appStep", &app_step);
    emscripten::function("appSeek", &app_seek);
    emscripten::function("appSceneJson", &app_scene_json);
    emscripten::function("appOutput", &app_output);
    emscripten::function("appUi", &app_ui);
    emscripten::function("appProbe", &app_probe);
}
