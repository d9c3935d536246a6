# Use ccache when present. Precompiled headers need the sloppiness below, otherwise
# ccache refuses to cache any TU that uses the PCH.
find_program(RETORT_CCACHE ccache)
if(RETORT_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(retort_ccache_launcher
      ${CMAKE_COMMAND} -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      ${RETORT_CCACHE})
  set(CMAKE_C_COMPILER_LAUNCHER ${retort_ccache_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${retort_ccache_launcher})
endif()
