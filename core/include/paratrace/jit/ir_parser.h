#pragma once
// Reads IR text back into a Graph: our own Graph::str() output and what
// PyTorch 1.13 prints for print(traced.graph) / print(traced.inlined_graph).
// parse_ir(g.str())->str() == g.str(); docs/ir.md lists what PyTorch text
// cannot be read and what is only approximated (tensor constants printed as
// <Tensor> become undefined tensors).
#include <cstddef>
#include <memory>
#include <string>

#include "paratrace/errors.h"
#include "paratrace/jit/ir.h"

namespace paratrace::jit {

// Malformed or unsupported text. what() reads
// "IR text line 3, column 17: expected ')' but found ','".
class IrParseError : public RuntimeError {
 public:
  IrParseError(std::size_t line, std::size_t column, const std::string& message);
  std::size_t line() const { return line_; }      // 1-based
  std::size_t column() const { return column_; }  // 1-based
  // The message without the position prefix.
  const std::string& message() const { return message_; }

 private:
  std::size_t line_, column_;
  std::string message_;
};

std::shared_ptr<Graph> parse_ir(const std::string& text);
// One type as printed after "%x : " ("Float(2, strides=[1], requires_grad=0,
// device=cpu)", "(Tensor, int[])", "__torch__.Net" ...).
TypePtr parse_ir_type(const std::string& text);

}  // namespace paratrace::jit
