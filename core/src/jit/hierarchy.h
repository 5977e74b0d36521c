#pragma once
// PyTorch's hierarchical traced graph (`traced.graph`) from our flat recorded
// one (`inlined_graph`) and the module calls seen while recording: each call
// becomes prim::CallMethod[name="forward"](%child, args...) on a ClassType
// holding the callee's own graph, built from the nodes recorded during the
// call. Values a callee reads from outside and cannot reach from its self
// (its arguments, a parameter shared with another module) are lifted into
// inputs, as PyTorch's lambda lifting does; constants and attribute reads
// are re-created where they are used.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "paratrace/jit/ir.h"
#include "paratrace/jit/traced_module.h"
#include "paratrace/nn/module.h"

namespace paratrace::jit {

struct ModuleCall {
  const nn::Module* module = nullptr;
  std::size_t begin = 0, end = 0;  // [begin, end): positions in the flat graph's nodes
  std::vector<Value*> results;     // flat values of the tensors returned
  std::vector<ModuleCall> children;
};

struct ModuleTree {
  const nn::Module* root = nullptr;
  // child -> (parent, attribute name in the parent)
  std::map<const nn::Module*, std::pair<const nn::Module*, std::string>> parent;
  // The module each module-typed flat value denotes.
  std::map<const Value*, const nn::Module*> module_of;
  // Dotted paths from the root ("" for the root).
  std::map<const nn::Module*, std::string> path;
};

// The recording a TracedMethod keeps until its hierarchical form is asked for.
struct RecordedCalls {
  ModuleTree tree;
  std::vector<ModuleCall> calls;
  // The flat graph's nodes when recorded: the calls' positions refer to them.
  std::vector<const Node*> nodes;
};

struct Hierarchy {
  std::shared_ptr<Graph> graph;
  // Each called submodule's class (by dotted path), whose "forward" is the
  // graph of its first call.
  std::map<std::string, std::shared_ptr<ClassType>> classes;
};

Hierarchy build_hierarchy(const Graph& flat, const ModuleTree& tree, const std::vector<ModuleCall>& calls);

}  // namespace paratrace::jit
