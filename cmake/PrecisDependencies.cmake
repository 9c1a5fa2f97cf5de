# Every third-party library precis uses, found once, here. All come from
# Debian 12 packages; scripts/install-deps lists them.
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(precis_stemmer INTERFACE)
target_include_directories(precis_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(precis_stemmer INTERFACE ${STEMMER_LIBRARY})

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
target_link_libraries(precis_glpk INTERFACE ${GLPK_LIBRARY})
# libxml2's HTML parser (precis_html): measured 6x faster than gumbo here.
find_package(LibXml2 REQUIRED)
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
