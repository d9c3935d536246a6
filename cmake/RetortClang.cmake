# Clang/LLVM 16 LibTooling from Debian's llvm-16-dev / libclang-cpp16-dev.
find_package(LLVM 16 REQUIRED CONFIG HINTS /usr/lib/llvm-16/lib/cmake/llvm)
find_package(Clang 16 REQUIRED CONFIG HINTS /usr/lib/llvm-16/lib/cmake/clang)
message(STATUS "retort: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

# retort_link_clang(<target>): Clang and LLVM headers as system headers (so their
# warnings stay out of ours) and the shared libraries clang-cpp and LLVM.
function(retort_link_clang target)
  target_include_directories(${target} SYSTEM PUBLIC ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
  target_compile_definitions(${target} PUBLIC ${LLVM_DEFINITIONS_LIST})
  target_link_libraries(${target} PUBLIC clang-cpp LLVM)
endfunction()

# retort_clang_pch(<target> <header>...): one precompiled header of the heavy Clang
# headers a target's TUs include; one Clang TU costs 10-30 s with g++ without it.
function(retort_clang_pch target)
  target_precompile_headers(${target} PRIVATE ${ARGN})
endfunction()
