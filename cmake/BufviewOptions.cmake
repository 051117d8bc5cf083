# bufview_options: one interface target that every bufview target links, so the
# language level, warnings and sanitizers are set on targets, not directories.
add_library(bufview_options INTERFACE)
target_compile_features(bufview_options INTERFACE cxx_std_20)
target_compile_options(bufview_options INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wno-missing-field-initializers>)

if(BUFVIEW_SANITIZE)
  target_compile_options(bufview_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(bufview_options INTERFACE -fsanitize=address,undefined)
endif()
if(BUFVIEW_FUZZ)  # coverage for libFuzzer in every engine library
  target_compile_options(bufview_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

# {fmt} header-only in both builds. emcc must see fmt's headers and nothing else
# of the host's /usr/include, so the build tree gets an include folder holding
# only a link to them.
set(BUFVIEW_FMT_INCLUDE "${CMAKE_BINARY_DIR}/fmt-include")
if(NOT EXISTS "${BUFVIEW_FMT_INCLUDE}/fmt/format.h")
  if(NOT EXISTS /usr/include/fmt/format.h)
    message(FATAL_ERROR "{fmt} headers not found: run scripts/setup (installs libfmt-dev)")
  endif()
  file(MAKE_DIRECTORY "${BUFVIEW_FMT_INCLUDE}")
  file(CREATE_LINK /usr/include/fmt "${BUFVIEW_FMT_INCLUDE}/fmt" SYMBOLIC)
endif()
add_library(bufview_fmt INTERFACE)
target_include_directories(bufview_fmt SYSTEM INTERFACE "${BUFVIEW_FMT_INCLUDE}")
target_compile_definitions(bufview_fmt INTERFACE FMT_HEADER_ONLY=1)

if(EMSCRIPTEN)
  # Debian's emcc needs acorn from /usr/share/nodejs; set it for every compile
  # and link, whoever runs the build.
  set(_bv_env ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
  set(CMAKE_C_COMPILER_LAUNCHER ${_bv_env})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_bv_env})
  set(CMAKE_C_LINKER_LAUNCHER ${_bv_env})
  set(CMAKE_CXX_LINKER_LAUNCHER ${_bv_env})
  # wasm32 runs the same tests as native; memory grows on demand and exit codes
  # reach node.
  # The evaluator recurses in C++ (a few KiB per Python frame): 16 MiB of wasm
  # stack holds CPython's 1000-frame recursion limit with room to spare.
  target_link_options(bufview_options INTERFACE -sALLOW_MEMORY_GROWTH=1 -sTOTAL_STACK=16777216
    -sINITIAL_MEMORY=33554432)
endif()
