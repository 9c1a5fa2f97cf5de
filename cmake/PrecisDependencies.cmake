# Every third-party library precis uses, found once, here. All come from
# Debian 12 packages; scripts/install-deps lists them.
#
# A `precis` run is often a few milliseconds of work, and loading a dozen
# shared libraries (libxml2 brings ICU, GLPK brings SuiteSparse and GMP) cost
# 1.3 ms or more of it. So an executable with the PRECIS_STATIC_DEPS property
# (apps/cli) links Debian's static archives of the same packages instead;
# everything else, the Python module and the sanitizer builds included, links
# the shared ones. All or nothing: one archive missing, and all link shared.
option(PRECIS_STATIC_CLI "Link third-party libraries statically into precis" ON)
set(PRECIS_STATIC_ARCHIVES "")
if(PRECIS_STATIC_CLI AND NOT PRECIS_SANITIZE AND NOT PRECIS_FUZZ)
  foreach(name utf8proc stemmer glpk colamd amd suitesparseconfig gmp xml2 icuuc icudata
          lzma z)
    find_library(PRECIS_STATIC_${name} NAMES lib${name}.a)
    if(NOT PRECIS_STATIC_${name})
      message(STATUS "precis: lib${name}.a not found; precis links shared libraries")
      set(PRECIS_STATIC_CLI OFF)
    endif()
  endforeach()
  # GLPK's archive calls libltdl: its archive (libltdl-dev) where present,
  # else the runtime's shared library.
  find_library(PRECIS_LTDL NAMES libltdl.a ltdl libltdl.so.7)
  if(NOT PRECIS_LTDL)
    set(PRECIS_STATIC_CLI OFF)
  endif()
  # With every archive, glibc's included (libc6-dev ships libc.a), precis is
  # linked fully static: no dynamic loader at all, 0.5-0.7 ms less per run
  # (measured: 6.03 -> 5.36 ms median per duc2003-t3 cluster, whole process).
  find_library(PRECIS_LIBC_ARCHIVE NAMES libc.a)
  if(PRECIS_LTDL MATCHES "[.]a$" AND PRECIS_LIBC_ARCHIVE)
    set(PRECIS_FULLY_STATIC ON)
  endif()
else()
  set(PRECIS_STATIC_CLI OFF)
endif()
set(PRECIS_STATIC "$<BOOL:$<TARGET_PROPERTY:PRECIS_STATIC_DEPS>>")
if(NOT PRECIS_STATIC_CLI)
  set(PRECIS_STATIC "0")
endif()
set(PRECIS_SHARED "$<NOT:${PRECIS_STATIC}>")
# precis_dependency(target SHARED libs... STATIC archives...)
function(precis_dependency target)
  cmake_parse_arguments(D "" "" "SHARED;STATIC" ${ARGN})
  foreach(lib ${D_SHARED})
    target_link_libraries(${target} INTERFACE "$<${PRECIS_SHARED}:${lib}>")
  endforeach()
  foreach(lib ${D_STATIC})
    target_link_libraries(${target} INTERFACE "$<${PRECIS_STATIC}:${lib}>")
  endforeach()
endfunction()

find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
add_library(precis_utf8proc INTERFACE)
target_include_directories(precis_utf8proc SYSTEM INTERFACE ${UTF8PROC_INCLUDE_DIRS})
precis_dependency(precis_utf8proc SHARED PkgConfig::UTF8PROC
  STATIC ${PRECIS_STATIC_utf8proc})

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(precis_stemmer INTERFACE)
target_include_directories(precis_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
precis_dependency(precis_stemmer SHARED ${STEMMER_LIBRARY} STATIC ${PRECIS_STATIC_stemmer})

find_package(nlohmann_json 3.10 REQUIRED)

# Eigen (LSA's eigen-decomposition) is header-only: its include folder is all
# precis needs, so installed precis does not depend on Eigen's CMake files.
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
get_target_property(EIGEN3_INCLUDE Eigen3::Eigen INTERFACE_INCLUDE_DIRECTORIES)
add_library(precis_eigen INTERFACE)
target_include_directories(precis_eigen SYSTEM INTERFACE
  $<BUILD_INTERFACE:${EIGEN3_INCLUDE}>)

# GLPK (the ILP selector) ships no CMake or pkg-config file.
find_path(GLPK_INCLUDE_DIR glpk.h REQUIRED)
find_library(GLPK_LIBRARY glpk REQUIRED)
add_library(precis_glpk INTERFACE)
target_include_directories(precis_glpk SYSTEM INTERFACE ${GLPK_INCLUDE_DIR})
precis_dependency(precis_glpk SHARED ${GLPK_LIBRARY}
  STATIC ${PRECIS_STATIC_glpk} ${PRECIS_STATIC_colamd} ${PRECIS_STATIC_amd}
         ${PRECIS_STATIC_suitesparseconfig} ${PRECIS_STATIC_gmp} ${PRECIS_STATIC_z}
         ${PRECIS_LTDL} ${CMAKE_DL_LIBS} m)
# libxml2's HTML parser (precis_html): measured 6x faster than gumbo here.
find_package(LibXml2 REQUIRED)
add_library(precis_xml2 INTERFACE)
target_include_directories(precis_xml2 SYSTEM INTERFACE ${LIBXML2_INCLUDE_DIRS})
precis_dependency(precis_xml2 SHARED LibXml2::LibXml2
  STATIC ${PRECIS_STATIC_xml2} ${PRECIS_STATIC_icuuc} ${PRECIS_STATIC_icudata}
         ${PRECIS_STATIC_lzma} ${PRECIS_STATIC_z} ${CMAKE_DL_LIBS} m)
find_package(CLI11 REQUIRED)
if(PRECIS_BUILD_SERVER)
  # Debian builds cpp-httplib as a shared library with TLS, zlib and brotli;
  # its pkg-config file carries the matching -D flags, which change its
  # classes' layout, so they must be used.
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
endif()
find_package(Threads REQUIRED)

if(PRECIS_BUILD_PYTHON)
  # Debian's interpreter: it is the one with Debian's python3-* packages
  # (python3-distributed) and the one `cmake --install` targets; a pyenv or
  # venv python earlier in PATH has neither. -DPython3_EXECUTABLE overrides.
  if(NOT Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3)
  endif()
  find_package(Python3 REQUIRED COMPONENTS Interpreter Development.Module)
  find_package(pybind11 CONFIG REQUIRED)
endif()
if(PRECIS_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(PRECIS_BUILD_TESTS OR PRECIS_BUILD_BENCH)
  find_package(ZLIB REQUIRED)  # reads the gzipped HTML dev pages
endif()
if(PRECIS_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
