# Clang/LLVM 16 LibTooling from Debian's llvm-16-dev / libclang-cpp16-dev.
find_package(LLVM 16 REQUIRED CONFIG HINTS /usr/lib/llvm-16/lib/cmake/llvm)
find_package(Clang 16 REQUIRED CONFIG HINTS /usr/lib/llvm-16/lib/cmake/clang)
message(STATUS "retort: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

# retort_link_clang(<target>): Clang and LLVM headers as system headers (so their
# warnings stay out of ours) and the shared libraries clang-cpp and LLVM, unless the
# executable being linked sets RETORT_STATIC_LLVM: then only the static LLVM parts
# that Clang-free code uses (support, ELF reading). Loading libLLVM and libclang-cpp
# costs about 45 ms per start (their static initialisers), which `retort test` and
# `retort cover` would pay on every run; the genex is read on the linked executable.
set(RETORT_STATIC_LLVM_LIBS LLVMSupport LLVMDemangle LLVMBinaryFormat LLVMObject)
function(retort_link_clang target)
  target_include_directories(${target} SYSTEM PUBLIC ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
  target_compile_definitions(${target} PUBLIC ${LLVM_DEFINITIONS_LIST})
  set(is_static "$<BOOL:$<TARGET_PROPERTY:RETORT_STATIC_LLVM>>")
  target_link_libraries(${target} PUBLIC
    "$<${is_static}:${RETORT_STATIC_LLVM_LIBS}>"
    "$<$<NOT:${is_static}>:clang-cpp;LLVM>")
endfunction()

# retort_clang_pch(<target> <header>...): one precompiled header of the heavy Clang
# headers a target's TUs include; one Clang TU costs 10-30 s with g++ without it.
function(retort_clang_pch target)
  target_precompile_headers(${target} PRIVATE ${ARGN})
endfunction()
