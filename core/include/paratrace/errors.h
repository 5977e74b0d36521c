#pragma once
// Typed errors named after the Python exception PyTorch raises in the same
// situation, so C++ callers can catch the same category and messages match.
#include <stdexcept>
#include <string>

namespace paratrace {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  // The Python exception name, e.g. "ValueError", for display.
  virtual const char* python_type() const noexcept { return "Error"; }
};

#define PARATRACE_DEFINE_ERROR(Name, Base)                                   \
  class Name : public Base {                                                 \
   public:                                                                   \
    using Base::Base;                                                        \
    const char* python_type() const noexcept override { return #Name; }     \
  };

PARATRACE_DEFINE_ERROR(RuntimeError, Error)
PARATRACE_DEFINE_ERROR(ValueError, Error)
PARATRACE_DEFINE_ERROR(TypeError, Error)
PARATRACE_DEFINE_ERROR(IndexError, Error)
PARATRACE_DEFINE_ERROR(KeyError, Error)
PARATRACE_DEFINE_ERROR(AttributeError, Error)
PARATRACE_DEFINE_ERROR(AssertionError, Error)
PARATRACE_DEFINE_ERROR(NotImplementedError, RuntimeError)
PARATRACE_DEFINE_ERROR(LinAlgError, RuntimeError)

#undef PARATRACE_DEFINE_ERROR

}  // namespace paratrace

// Throws ErrType with the streamed message when cond is false:
//   PT_CHECK(a.dim() == 2, RuntimeError, "mat1 must be a matrix, got " << a.dim() << "-D tensor");
#include <sstream>
#define PT_CHECK(cond, ErrType, msg)                   \
  do {                                                 \
    if (!(cond)) {                                     \
      std::ostringstream pt_check_os_;                 \
      pt_check_os_ << msg;                             \
      throw ::paratrace::ErrType(pt_check_os_.str());  \
    }                                                  \
  } while (0)
#define PT_THROW(ErrType, msg) PT_CHECK(false, ErrType, msg)
