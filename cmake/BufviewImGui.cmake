# Dear ImGui 1.86 from Debian's source package (unpacked by scripts/setup into
# third_party/), built as one static library per platform so the desktop and
# browser builds draw with the same ImGui. Backends: GLFW + OpenGL 3 natively,
# Emscripten's built-in GLFW + WebGL 2 (OpenGL ES 3) in the browser.
if(NOT EXISTS "${BUFVIEW_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${BUFVIEW_IMGUI_DIR}: run scripts/setup")
endif()

set(_im "${BUFVIEW_IMGUI_DIR}")
add_library(imgui STATIC
  ${_im}/imgui.cpp ${_im}/imgui_draw.cpp ${_im}/imgui_tables.cpp ${_im}/imgui_widgets.cpp
  ${_im}/backends/imgui_impl_glfw.cpp ${_im}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${_im} ${_im}/backends)
target_compile_features(imgui PUBLIC cxx_std_11)
# ImGui's own warnings are not ours to fix.
target_compile_options(imgui PRIVATE -w)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

if(EMSCRIPTEN)
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  # ImGui's ES 3 backend uses no WebGL extension: skip enabling every one the
  # browser offers when the context is created (tens of ms in software GL).
  target_link_options(imgui PUBLIC -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC PkgConfig::GLFW3 OpenGL::GL ${CMAKE_DL_LIBS})
endif()
