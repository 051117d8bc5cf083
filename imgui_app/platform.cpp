// The only file that knows the platform: window, OpenGL context, main loop.
// Natively: GLFW + OpenGL 3.2 core. In the browser: Emscripten's GLFW + WebGL 2,
// the canvas filling the page at the device's pixel ratio.
//
//   bufview-app [--open FILE.py] [--step N] [--screenshot OUT.png] [--frames N] [--size WxH]
//               [--input SCRIPT]
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#endif

#include "imgui_app/app.hpp"
#include "imgui_app/files.hpp"
#include "imgui_app/png_writer.hpp"
#include "imgui_app/ui_script.hpp"

namespace {

struct Options {
    std::string open_path;
    int step = 0;
    std::string screenshot_path;
    std::string probe_path;  // --probe OUT.json: what the canvas drew where (with --screenshot)
    int frames = 4;  // frames rendered before a screenshot (layout settles after 2)
    int width = 1280;
    int height = 800;
    std::string input_path;  // --input SCRIPT: a scripted user (ui_script.hpp)
};

struct Context {
    GLFWwindow* window = nullptr;
    app::App app;
    Options options;
    std::unique_ptr<app::UiScript> script;
    int exit_code = 0;
};

Context* g_context = nullptr;

void print_usage() {
    std::puts(
        "usage: bufview-app [--open FILE.py] [--step N] [--screenshot OUT.png] [--frames N]\n"
        "                   [--size WxH] [--input SCRIPT]\n"
        "  --open FILE.py        load a program\n"
        "  --step N              show step N of its run\n"
        "  --screenshot OUT.png  render, save the window as PNG, and exit\n"
        "  --probe OUT.json      with --screenshot: also write where the canvas drew each\n"
        "                        byte cell and view lane (for tests)\n"
        "  --frames N            frames to render before the screenshot (default 4)\n"
        "  --size WxH            window size in pixels (default 1280x800)\n"
        "  --input SCRIPT        play a scripted user (mouse, keys, shots; see ui_script.hpp),\n"
        "                        then take --screenshot and exit");
}

bool parse_options(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (a == "--help" || a == "-h") {
            print_usage();
            std::exit(0);
        } else if (a == "--input" && (v = next())) {
            o.input_path = v;
        } else if (a == "--open" && (v = next())) {
            o.open_path = v;
        } else if (a == "--step" && (v = next())) {
            o.step = std::atoi(v);
        } else if (a == "--screenshot" && (v = next())) {
            o.screenshot_path = v;
        } else if (a == "--probe" && (v = next())) {
            o.probe_path = v;
        } else if (a == "--frames" && (v = next())) {
            o.frames = std::max(1, std::atoi(v));
        } else if (a == "--size" && (v = next())) {
            if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2) return false;
        } else {
            std::fprintf(stderr, "bufview-app: unknown or incomplete option '%s'\n", a.c_str());
            return false;
        }
    }
    return true;
}

// A readable monospace font from a Debian package (fonts-jetbrains-mono); the
// browser build embeds the same file. Falls back to ImGui's built-in font.
void load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    const char* candidates[] = {
        "/fonts/JetBrainsMono-Regular.ttf",  // embedded in the wasm build
        "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    };
    for (const char* path : candidates) {
        if (std::FILE* f = std::fopen(path, "rb")) {
            std::fclose(f);
            io.Fonts->AddFontFromFileTTF(path, 15.0f * scale);
            return;
        }
    }
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
    io.Fonts->AddFontDefault(&cfg);
}

void save_screenshot(const Context& ctx, const std::string& path) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(ctx.window, &w, &h);
    std::vector<uint8_t> pixels(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom to top; PNG's top to bottom.
    std::vector<uint8_t> flipped(pixels.size());
    const size_t row = static_cast<size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
        std::memcpy(&flipped[row * y], &pixels[row * (h - 1 - y)], row);
    if (!app::write_png(path, flipped.data(), w, h)) {
        std::fprintf(stderr, "bufview-app: cannot write %s\n", path.c_str());
    } else {
        std::printf("screenshot: %s (%dx%d)\n", path.c_str(), w, h);
    }
}

#ifdef __EMSCRIPTEN__
// Keeps the canvas's backing store at CSS size x devicePixelRatio, so text is
// crisp on HiDPI screens; ImGui works in canvas pixels.
void fit_canvas(GLFWwindow* window) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int w = static_cast<int>(css_w * dpr + 0.5), h = static_cast<int>(css_h * dpr + 0.5);
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(window, &cur_w, &cur_h);
    if (w <= 0 || h <= 0 || (w == cur_w && h == cur_h)) return;
    // Not glfwSetWindowSize: Emscripten's GLFW (library_glfw.js, setWindowSize)
    // takes a size equal to screen.width x screen.height for a request to go
    // full screen, and calls Browser.requestFullscreen(), which also asks for
    // pointer lock and moves the canvas into a wrapper DIV. A page as big as
    // the screen (F11, kiosk, a maximised window, playwright's default) then
    // failed both requests every frame. Resizing the canvas through Browser
    // tells GLFW through its resize listener (onCanvasResize) instead: the
    // window and framebuffer sizes follow and no Fullscreen or Pointer Lock
    // API is called.
    EM_ASM({ Browser.setCanvasSize($0, $1); }, w, h);
}

// Emscripten 3.1.6's GLFW hands the scroll callback the wheel event's raw
// deltaY: pixels rather than notches, and with a page's sign, so one notch down
// scrolled ImGui a hundred notches up. The canvas's wheel events go to ImGui
// here instead, in GLFW's units (a notch of 100 pixels or 3 lines = 1, up > 0).
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    const double notch = e->deltaMode == DOM_DELTA_PIXEL  ? 100.0
                         : e->deltaMode == DOM_DELTA_LINE ? 3.0
                                                          : 1.0 / 80.0;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH -= static_cast<float>(e->deltaX / notch);
    io.MouseWheel -= static_cast<float>(e->deltaY / notch);
    return EM_TRUE;  // the page itself does not scroll
}

// ImGui 1.86 reads keys once a frame (io.KeysDown), and the browser delivers
// key events as they come: a key pressed and released between two frames (a
// quick tap while software GL draws slowly) was never seen down. Its release
// waits for the end of the next frame.
std::vector<int> g_pressed_this_frame;
struct KeyEvent { int key, scancode, mods; };
std::vector<KeyEvent> g_late_releases;

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    const bool fresh = std::find(g_pressed_this_frame.begin(), g_pressed_this_frame.end(), key) !=
                       g_pressed_this_frame.end();
    if (action == GLFW_RELEASE && fresh) {
        g_late_releases.push_back({key, scancode, mods});
        return;
    }
    if (action == GLFW_PRESS) g_pressed_this_frame.push_back(key);
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void release_late_keys(GLFWwindow* window) {
    g_pressed_this_frame.clear();
    for (const KeyEvent& k : g_late_releases)
        ImGui_ImplGlfw_KeyCallback(window, k.key, k.scancode, GLFW_RELEASE, k.mods);
    g_late_releases.clear();
}
#endif

void frame(void* arg) {
    auto& ctx = *static_cast<Context*>(arg);
#ifdef __EMSCRIPTEN__
    fit_canvas(ctx.window);
#endif
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    static std::vector<app::ProbeItem> probe;  // what the last frame drew where
    if (ctx.script) ctx.script->before_frame(ctx.app, ImGui::GetIO(), probe);
    ImGui::NewFrame();
    const bool scripted_end = ctx.script && ctx.script->finished();
    const bool last_frame = !ctx.options.screenshot_path.empty() &&
                            (ctx.script ? scripted_end
                                        : ctx.app.frame + 1 >= static_cast<uint64_t>(ctx.options.frames));
    probe.clear();
    ctx.app.probe = ctx.script || ctx.app.keep_probe || (last_frame && !ctx.options.probe_path.empty()) ? &probe
                                                                                                       : nullptr;
    ctx.app.now = glfwGetTime();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    app::draw_app(ctx.app, size.x, size.y);
    if (ctx.app.keep_probe) ctx.app.last_probe = probe;
    ImGui::Render();

    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(ctx.window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.08f, 0.085f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (ctx.script) {
        if (auto shot = ctx.script->take_shot()) save_screenshot(ctx, *shot);
        if (!ctx.script->error().empty()) {
            std::fprintf(stderr, "bufview-app: %s: %s\n", ctx.options.input_path.c_str(), ctx.script->error().c_str());
            ctx.exit_code = 1;
            ctx.app.quit_requested = true;
        } else if (scripted_end && ctx.options.screenshot_path.empty()) {
            ctx.app.quit_requested = true;
        }
    }
    if (last_frame) {
        save_screenshot(ctx, ctx.options.screenshot_path);
        if (!ctx.options.probe_path.empty()) {
            // ImGui coordinates are window points; the PNG has framebuffer pixels.
            const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
            for (auto& p : probe) {
                p.x0 *= scale.x, p.x1 *= scale.x, p.y0 *= scale.y, p.y1 *= scale.y;
                p.px0 *= scale.x, p.px1 *= scale.x, p.py0 *= scale.y, p.py1 *= scale.y, p.text_w *= scale.x;
            }
            std::ofstream(ctx.options.probe_path) << app::probe_json(probe);
        }
        ctx.app.quit_requested = true;
    }
    glfwSwapBuffers(ctx.window);
#ifdef __EMSCRIPTEN__
    release_late_keys(ctx.window);
    // Lets the page and the browser tests know a frame has been drawn.
    EM_ASM({ window.__bufviewFrames = $0; }, static_cast<int>(ctx.app.frame));
#endif
}

#ifdef __EMSCRIPTEN__
// Clipboard: ImGui copies to the page's clipboard; pasting arrives as a DOM
// 'paste' event (web/index.html) that types the text into the focused widget.
void set_clipboard(void*, const char* text) {
    EM_ASM({ if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString($0)).catch(function () {}); },
           text);
}
const char* get_clipboard(void*) { return ""; }
#endif

}  // namespace

namespace app {
App* running_app() { return g_context ? &g_context->app : nullptr; }
}  // namespace app

#ifdef __EMSCRIPTEN__
extern "C" EMSCRIPTEN_KEEPALIVE void bufview_paste(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
}
#endif

int main(int argc, char** argv) {
    static Context ctx;  // static: the browser's main loop outlives main()
    g_context = &ctx;
    if (!parse_options(argc, argv, ctx.options)) {
        print_usage();
        return 2;
    }
    ctx.app.source = app::default_program();
    if (!ctx.options.open_path.empty()) {
        std::string error;
        auto text = app::read_text_file(ctx.options.open_path, error);
        if (!text) {
            std::fprintf(stderr, "bufview-app: cannot read %s: %s\n", ctx.options.open_path.c_str(), error.c_str());
            return 1;
        }
        ctx.app.source = std::move(*text);
        ctx.app.file_path = ctx.options.open_path;
        ctx.app.saved_source = ctx.app.source;
    }
    if (!ctx.options.input_path.empty()) {
        std::string error;
        auto text = app::read_text_file(ctx.options.input_path, error);
        auto actions = text ? app::parse_ui_script(*text, error) : std::nullopt;
        if (!actions) {
            std::fprintf(stderr, "bufview-app: %s: %s\n", ctx.options.input_path.c_str(), error.c_str());
            return 1;
        }
        ctx.script = std::make_unique<app::UiScript>(std::move(*actions));
    }
#ifndef __EMSCRIPTEN__
    ctx.app.files_enabled = true;  // File > Open / Save on the desktop
#endif

    glfwSetErrorCallback([](int code, const char* what) {
        std::fprintf(stderr, "GLFW error %d: %s\n", code, what);
    });
    if (!glfwInit()) return 1;
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#else
    const char* glsl_version = "#version 150";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    if (!ctx.options.screenshot_path.empty()) glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
#endif
    ctx.window = glfwCreateWindow(ctx.options.width, ctx.options.height, "bufview", nullptr, nullptr);
    if (!ctx.window) {
        std::fprintf(stderr, "bufview-app: cannot open a window with OpenGL 3\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(ctx.window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is computed, nothing to save
#ifdef __EMSCRIPTEN__
    ctx.app.ui_scale = static_cast<float>(emscripten_get_device_pixel_ratio());
#else
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(ctx.window, &sx, &sy);
    ctx.app.ui_scale = sx > 0 ? sx : 1.0f;
#endif
    app::apply_style(ctx.app.ui_scale);
    load_fonts(ctx.app.ui_scale);
    ImGui_ImplGlfw_InitForOpenGL(ctx.window, true);
#ifdef __EMSCRIPTEN__
    ImGui::GetIO().SetClipboardTextFn = set_clipboard;
    ImGui::GetIO().GetClipboardTextFn = get_clipboard;
    glfwSetScrollCallback(ctx.window, nullptr);  // on_wheel instead
    emscripten_set_wheel_callback("#canvas", nullptr, true, on_wheel);
    glfwSetKeyCallback(ctx.window, on_key);  // forwards to ImGui's
    // The page may hand over a program (from the URL or local storage) before the first run.
    if (char* src = reinterpret_cast<char*>(static_cast<uintptr_t>(EM_ASM_INT({
            var s = (typeof window !== 'undefined' && window.__bufviewInitial) || null;
            if (s === null) return 0;
            var n = lengthBytesUTF8(s) + 1;
            var p = _malloc(n);
            stringToUTF8(s, p, n);
            return p;
        })))) {
        ctx.app.source = src;
        std::free(src);
    }
#endif
    ImGui_ImplOpenGL3_Init(glsl_version);

    app::run_program(ctx.app);
#ifdef __EMSCRIPTEN__
    ctx.options.step = EM_ASM_INT({ return (typeof window !== 'undefined' && window.__bufviewInitialStep) || 0; });
#endif
    if (ctx.options.step != 0)  // --step N; a negative N counts from the end
        app::seek(ctx.app, ctx.options.step > 0 ? ctx.options.step : ctx.app.step_count + 1 + ctx.options.step);

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(frame, &ctx, 0, true);
#else
    while (!glfwWindowShouldClose(ctx.window) && !ctx.app.quit_requested) frame(&ctx);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(ctx.window);
    glfwTerminate();
#endif
    return ctx.exit_code;
}
