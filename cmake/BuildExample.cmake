# Installs retort's runtime into a fresh prefix, then configures, builds and tests
# examples/belief_structure against it: proof that find_package(retort) and the
# target retort::runtime work for an application. Run by ctest (see CMakeLists.txt)
# with -DBINARY_DIR, -DSOURCE_DIR and -DWORK_DIR.
function(run step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${step} failed (${status}): ${ARGN}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run(install ${CMAKE_COMMAND} --install ${BINARY_DIR} --component runtime --prefix ${WORK_DIR}/prefix)
run(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/belief_structure -B ${WORK_DIR}/build -G Ninja
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
run(build ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(test ${CMAKE_CTEST_COMMAND} --test-dir ${WORK_DIR}/build --output-on-failure)
