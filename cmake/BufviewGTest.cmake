# GoogleTest from Debian's sources (/usr/src/googletest), built with the same
# compiler as the code under test, so the suites run natively and under node.
if(NOT TARGET gtest)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  if(EMSCRIPTEN)
    set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
  endif()
  add_subdirectory(/usr/src/googletest "${CMAKE_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL SYSTEM)
endif()

if(EMSCRIPTEN)
  # Node 20's global fetch breaks Emscripten 3.1.6's wasm loader; a single file
  # with the wasm embedded sidesteps it.
  find_program(BUFVIEW_NODE node REQUIRED)
  set(BUFVIEW_TEST_EMULATOR "${BUFVIEW_NODE}" --no-experimental-fetch --stack-size=4000)
endif()

# bufview_add_gtest(NAME SOURCES... LIBS ...): one test binary, one ctest entry.
function(bufview_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} gtest gtest_main bufview_options)
  if(EMSCRIPTEN)
    target_link_options(${name} PRIVATE -sSINGLE_FILE=1 -sEXIT_RUNTIME=1 -sNODERAWFS=0)
    add_test(NAME ${name} COMMAND ${BUFVIEW_TEST_EMULATOR} $<TARGET_FILE:${name}>)
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
endfunction()
