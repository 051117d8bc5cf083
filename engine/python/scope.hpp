// Scope analysis after parsing: which functions read names bound by an
// enclosing function (and so must keep that function's frame as a closure).
// Functions that do not are not linked to their defining frame, so no
// frame <-> function cycle keeps a memoryview alive past its frame.
#pragma once

#include "engine/python/ast.hpp"

namespace engine::py {

void analyze_scopes(Module& module);

}  // namespace engine::py
