# retort_source_fingerprint(TARGET NAME DIR...): gives TARGET the generated header
# <retort_fingerprint_NAME.hpp>, which defines RETORT_<NAME>_SOURCES as a hash of
# the sources under each DIR (src/ and include/, tests aside). A tool keys its result
# cache with it instead of a hash of the whole executable, so rebuilding retort for a
# change elsewhere (the runtime, another tool, the CLI) keeps every cached result of
# a tool whose own code and core's did not change. Tools never depend on each other,
# so a tool's results depend on its own directory and core/ only (and on Clang, whose
# version the fingerprint names too).
set(RETORT_HASH_SOURCES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/HashSources.cmake)

function(retort_source_fingerprint target name)
  set(files)
  foreach(dir IN LISTS ARGN)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${dir}/src/*.cpp ${dir}/src/*.hpp
         ${dir}/include/*.hpp)
    list(APPEND files ${found})
  endforeach()
  list(FILTER files EXCLUDE REGEX "\\.test\\.cpp$")
  list(SORT files)
  string(TOUPPER ${name} upper)
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/fingerprint)
  set(header ${out_dir}/retort_fingerprint_${name}.hpp)
  set(list_file ${out_dir}/${name}_sources.txt)
  string(REPLACE ";" "\n" listing "${files}")
  file(CONFIGURE OUTPUT ${list_file} CONTENT "${listing}\n")
  add_custom_command(
    OUTPUT ${header}
    COMMAND ${CMAKE_COMMAND} -DLIST=${list_file} -DROOT=${PROJECT_SOURCE_DIR}
            -DMACRO=RETORT_${upper}_SOURCES -DOUTPUT=${header} -P ${RETORT_HASH_SOURCES_SCRIPT}
    DEPENDS ${files} ${list_file} ${RETORT_HASH_SOURCES_SCRIPT}
    COMMENT "Fingerprinting ${name}'s sources")
  target_sources(${target} PRIVATE ${header})
  target_include_directories(${target} PRIVATE ${out_dir})
endfunction()
