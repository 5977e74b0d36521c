#include "paratrace/autograd/grad_mode.h"

namespace paratrace::autograd {

namespace {
// Read on every op call. The initial-exec model makes that one instruction
// instead of a __tls_get_addr call; the byte fits the static TLS reserve glibc
// keeps for libraries loaded later with dlopen.
[[gnu::tls_model("initial-exec")]] thread_local bool g_grad_enabled = true;
}

bool GradMode::is_enabled() { return g_grad_enabled; }
void GradMode::set_enabled(bool enabled) { g_grad_enabled = enabled; }

}  // namespace paratrace::autograd
