# paratrace_add_plugin(<name> SOURCES <file>... [OUTPUT_DIRECTORY <dir>])
#
# Builds a Paratrace parametrization plugin: a Qt plugin (moc'd, loadable as a
# module) linked to the plugin interface and, through it, to Qt6::Core and
# Paratrace::core. List the metadata JSON among the SOURCES so that editing it
# re-runs moc. OUTPUT_DIRECTORY puts the built file where a host will look
# (e.g. a directory listed in PARATRACE_PLUGIN_PATH).
#
# Used by this source tree and installed with the SDK (find_package(Paratrace)).
function(paratrace_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "OUTPUT_DIRECTORY" "SOURCES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "paratrace_add_plugin(${name}): SOURCES is required")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "paratrace_add_plugin(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  # SHARED: hosts load plugins at run time only, never link them in.
  qt_add_plugin(${name} SHARED)
  target_sources(${name} PRIVATE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Paratrace::plugin_interface)
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()
endfunction()
