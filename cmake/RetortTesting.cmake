# retort_add_tests(<name> <dir> LIBS <lib>...): one GoogleTest executable from every
# *.test.cpp under <dir>, so a new test file needs no CMake edit.
if(RETORT_BUILD_TESTS)
  enable_testing()
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()

function(retort_add_tests name dir)
  if(NOT RETORT_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(arg "" "" "LIBS" ${ARGN})
  file(GLOB_RECURSE test_sources CONFIGURE_DEPENDS ${dir}/*.test.cpp)
  if(NOT test_sources)
    message(FATAL_ERROR "retort_add_tests(${name}): no *.test.cpp under ${dir}")
  endif()
  add_executable(${name} ${test_sources})
  target_link_libraries(${name} PRIVATE ${arg_LIBS} GTest::gmock GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
      RETORT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      RETORT_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 600)
endfunction()

# A CTest test that checks retort against a peer on a project built for the check:
# `prepare WORK` builds it (e.g. googletest's own tests), then `check RETORT WORK`
# compares. Both are scripts; building makes the test slow, hence the long timeout.
function(retort_add_check_on_built_project name prepare work check)
  if(NOT RETORT_BUILD_TESTS)
    return()
  endif()
  add_test(NAME ${name}
    COMMAND bash -c "\"$1\" \"$2\" && \"$3\" \"$4\" \"$2\"" ${name}
      ${prepare} ${work} ${check} $<TARGET_FILE:retort>)
  set_tests_properties(${name} PROPERTIES TIMEOUT 1200)
endfunction()
