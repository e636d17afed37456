// cldmdf._compiler_core: the recognition core for the Python adapters (FX, TorchScript).
// Text in, text out (compiler/core/include/cldmdf_compiler/{graph,fuse}.h), so the adapters
// and the tests can read and write exactly what the core sees.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdexcept>
#include <string>

#include "cldmdf_compiler/canonical.h"
#include "cldmdf_compiler/fuse.h"
#include "cldmdf_compiler/graph.h"

namespace cc = cldmdf_compiler;

static PyObject* py_fuse(PyObject*, PyObject* args) {
  const char* graph;
  const char* options;
  if (!PyArg_ParseTuple(args, "ss", &graph, &options)) return nullptr;
  try {
    cc::Graph g = cc::parse_graph(graph);
    std::string out = cc::fuse(g, cc::parse_options(options));
    return PyUnicode_FromStringAndSize(out.data(), static_cast<Py_ssize_t>(out.size()));
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
    return nullptr;
  }
}

static PyObject* py_canonical(PyObject*, PyObject* args) {
  const char* graph;
  int node;
  if (!PyArg_ParseTuple(args, "si", &graph, &node)) return nullptr;
  try {
    cc::Graph g = cc::parse_graph(graph);
    if (node < 0 || node >= static_cast<int>(g.nodes.size()))
      throw std::runtime_error("no node " + std::to_string(node));
    cc::Ctx c(g);
    std::string out = c.describe(c.lift(node));
    return PyUnicode_FromStringAndSize(out.data(), static_cast<Py_ssize_t>(out.size()));
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
    return nullptr;
  }
}

static PyMethodDef methods[] = {
    {"fuse", py_fuse, METH_VARARGS, "fuse(graph_text, options) -> program and report text"},
    {"canonical", py_canonical, METH_VARARGS,
     "canonical(graph_text, node) -> the node's value in canonical form"},
    {nullptr, nullptr, 0, nullptr}};

static PyModuleDef module = {PyModuleDef_HEAD_INIT, "_compiler_core",
                             "cldmdf's graph recognition core", -1, methods,
                             nullptr, nullptr, nullptr, nullptr};

PyMODINIT_FUNC PyInit__compiler_core(void) { return PyModule_Create(&module); }
