// nn::Module: registration, attribute access, traversal, modes and calling,
// with nn.Module's checks and message texts.
#include "paratrace/nn/module.h"

#include <cxxabi.h>

#include <cstdlib>
#include <sstream>
#include <typeinfo>

#include "paratrace/autograd/grad_mode.h"

namespace paratrace::nn {

struct Module::Hooks {
  std::uint64_t next_id = 0;
  std::vector<std::pair<std::uint64_t, ForwardPreHook>> pre;
  std::vector<std::pair<std::uint64_t, ForwardHook>> post;
};

void HookHandle::remove() {
  if (remover_) remover_();
  remover_ = nullptr;
}

Module::Module() : hooks_(std::make_shared<Hooks>()) {}
Module::~Module() = default;

Module::Module(const Module& other)
    : std::enable_shared_from_this<Module>(),
      training_(other.training_),
      injected_type_name_(other.injected_type_name_),
      parameters_(other.parameters_),
      buffers_(other.buffers_),
      non_persistent_buffers_(other.non_persistent_buffers_),
      children_(other.children_),
      properties_(other.properties_),
      hooks_(std::make_shared<Hooks>(*other.hooks_)) {}

std::string Module::class_name() const {
  const char* mangled = typeid(*this).name();
  int status = 0;
  char* demangled = abi::__cxa_demangle(mangled, nullptr, nullptr, &status);
  std::string name = status == 0 && demangled ? demangled : mangled;
  std::free(demangled);
  // Drop namespaces, but not inside template arguments.
  const auto template_start = name.find('<');
  const auto last_scope = name.rfind("::", template_start);
  return last_scope == std::string::npos ? name : name.substr(last_scope + 2);
}

std::string Module::type_name() const {
  return injected_type_name_.empty() ? class_name() : injected_type_name_;
}

namespace {

// torch.nn.modules.module._addindent: indents every line but the first.
std::string add_indent(const std::string& text, int spaces) {
  std::string out;
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace

std::string Module::repr() const {
  std::vector<std::string> lines;
  const std::string extra = extra_repr();
  if (!extra.empty()) {
    std::istringstream in(extra);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  for (const auto& [name, module] : children_) {
    const std::string child_repr = module ? add_indent(module->repr(), 2) : "None";
    lines.push_back("(" + name + "): " + child_repr);
  }
  std::string out = type_name() + "(";
  if (!lines.empty()) {
    if (lines.size() == 1 && children_.empty()) {
      out += lines[0];
    } else {
      out += "\n";
      for (const auto& line : lines) out += "  " + line + "\n";
    }
  }
  return out + ")";
}

void Module::check_new_attribute(const std::string& kind, const std::string& name, bool module_message) const {
  PT_CHECK(!name.empty(), KeyError, kind << " name can't be empty string \"\"");
  PT_CHECK(name.find('.') == std::string::npos, KeyError,
           kind << " name can't contain \".\"" << (module_message ? ", got: " + name : ""));
}

void Module::register_parameter(const std::string& name, Tensor value, bool requires_grad) {
  check_new_attribute("parameter", name, false);
  PT_CHECK(parameters_.contains(name) || !has_attr(name), KeyError, "attribute '" << name << "' already exists");
  if (value.defined()) {
    PT_CHECK(value.is_leaf(), ValueError,
             "Cannot assign non-leaf Tensor to parameter '"
                 << name << "'. Model parameters must be created explicitly. To express '" << name
                 << "' as a function of another Tensor, compute the value in the forward() method.");
    value.requires_grad_(requires_grad);
  }
  parameters_.set(name, std::move(value));
}

void Module::register_buffer(const std::string& name, Tensor value, bool persistent) {
  check_new_attribute("buffer", name, false);
  PT_CHECK(buffers_.contains(name) || !has_attr(name), KeyError, "attribute '" << name << "' already exists");
  buffers_.set(name, std::move(value));
  if (persistent) non_persistent_buffers_.erase(name);
  else non_persistent_buffers_.insert(name);
}

ModulePtr Module::register_module(const std::string& name, ModulePtr module) {
  check_new_attribute("module", name, true);
  PT_CHECK(children_.contains(name) || !has_attr(name), KeyError, "attribute '" << name << "' already exists");
  children_.set(name, module);
  return module;
}

void Module::delete_attr(const std::string& name) {
  if (parameters_.erase(name) || children_.erase(name)) return;
  if (buffers_.erase(name)) {
    non_persistent_buffers_.erase(name);
    return;
  }
  PT_THROW(AttributeError, "'" << type_name() << "' object has no attribute '" << name << "'");
}

bool Module::has_attr(const std::string& name) const {
  return properties_.contains(name) || parameters_.contains(name) || buffers_.contains(name) ||
         children_.contains(name);
}

bool Module::is_persistent_buffer(const std::string& name) const {
  return buffers_.contains(name) && !non_persistent_buffers_.contains(name);
}

void Module::define_property(const std::string& name, std::shared_ptr<const TensorProperty> property) {
  properties_.set(name, std::move(property));
}

void Module::remove_property(const std::string& name) { properties_.erase(name); }

Tensor Module::attr(const std::string& name) {
  if (const auto* property = properties_.find(name)) return (*property)->get(*this, name);
  if (const Tensor* p = parameters_.find(name)) return *p;
  if (const Tensor* b = buffers_.find(name)) return *b;
  PT_THROW(AttributeError, "'" << type_name() << "' object has no attribute '" << name << "'");
}

void Module::set_attr(const std::string& name, const Tensor& value) {
  if (const auto* property = properties_.find(name)) {
    (*property)->set(*this, name, value);
  } else if (Tensor* p = parameters_.find(name)) {
    *p = value;
  } else if (Tensor* b = buffers_.find(name)) {
    *b = value;
  } else {
    PT_THROW(AttributeError, "cannot assign a tensor to '" << name << "': " << type_name()
                                 << " has no parameter, buffer or parametrized tensor of that name"
                                 << " (use register_parameter or register_buffer)");
  }
}

Tensor Module::param(const std::string& name) const {
  const Tensor* p = parameters_.find(name);
  PT_CHECK(p, AttributeError, "'" << type_name() << "' object has no parameter '" << name << "'");
  return *p;
}

Tensor Module::buffer(const std::string& name) const {
  const Tensor* b = buffers_.find(name);
  PT_CHECK(b, AttributeError, "'" << type_name() << "' object has no buffer '" << name << "'");
  return *b;
}

ModulePtr Module::child(const std::string& name) const {
  const ModulePtr* c = children_.find(name);
  PT_CHECK(c, AttributeError, "'" << type_name() << "' object has no attribute '" << name << "'");
  return *c;
}

ModulePtr Module::get_submodule(const std::string& target) {
  ModulePtr module = self_ptr();
  if (target.empty()) return module;
  std::istringstream in(target);
  for (std::string item; std::getline(in, item, '.');) {
    PT_CHECK(module->children_.contains(item), AttributeError,
             module->type_name() << " has no attribute `" << item << "`");
    module = *module->children_.find(item);
    PT_CHECK(module, AttributeError, "`" << item << "` is not an nn.Module");
  }
  return module;
}

namespace {
std::pair<std::string, std::string> split_last(const std::string& target) {
  const auto dot = target.rfind('.');
  if (dot == std::string::npos) return {"", target};
  return {target.substr(0, dot), target.substr(dot + 1)};
}
}  // namespace

Tensor Module::get_parameter(const std::string& target) {
  const auto [path, name] = split_last(target);
  ModulePtr module = get_submodule(path);
  PT_CHECK(module->has_attr(name), AttributeError, module->type_name() << " has no attribute `" << name << "`");
  PT_CHECK(module->parameters_.contains(name), AttributeError, "`" << name << "` is not an nn.Parameter");
  return *module->parameters_.find(name);
}

Tensor Module::get_buffer(const std::string& target) {
  const auto [path, name] = split_last(target);
  ModulePtr module = get_submodule(path);
  PT_CHECK(module->has_attr(name), AttributeError, module->type_name() << " has no attribute `" << name << "`");
  PT_CHECK(module->buffers_.contains(name), AttributeError, "`" << name << "` is not a buffer");
  return *module->buffers_.find(name);
}

ModulePtr Module::self_ptr() {
  if (auto owned = weak_from_this().lock()) return owned;
  // A module not owned by a shared_ptr (on the stack, say): hand out a
  // non-owning pointer, valid while the module lives.
  return ModulePtr(ModulePtr(), this);
}

void Module::collect_modules(const std::string& prefix, bool remove_duplicate, std::set<const Module*>& seen,
                             NamedModuleList& out) {
  if (remove_duplicate && !seen.insert(this).second) return;
  out.emplace_back(prefix, self_ptr());
  for (const auto& [name, module] : children_) {
    if (!module) continue;
    module->collect_modules(prefix.empty() ? name : prefix + "." + name, remove_duplicate, seen, out);
  }
}

NamedModuleList Module::named_modules(const std::string& prefix, bool remove_duplicate) {
  NamedModuleList out;
  std::set<const Module*> seen;
  collect_modules(prefix, remove_duplicate, seen, out);
  return out;
}

std::vector<ModulePtr> Module::modules() {
  std::vector<ModulePtr> out;
  for (auto& [name, module] : named_modules()) out.push_back(module);
  return out;
}

NamedModuleList Module::named_children() const {
  NamedModuleList out;
  std::set<const Module*> seen;
  for (const auto& [name, module] : children_) {
    if (module && seen.insert(module.get()).second) out.emplace_back(name, module);
  }
  return out;
}

std::vector<ModulePtr> Module::children() const {
  std::vector<ModulePtr> out;
  for (auto& [name, module] : named_children()) out.push_back(module);
  return out;
}

namespace {

// Module._named_members: walks named_modules and reports each tensor once.
NamedTensorList named_members(const Module& root, const std::string& prefix, bool recurse,
                              const OrderedDict<Tensor>& (Module::*table)() const) {
  NamedTensorList out;
  std::set<const TensorImpl*> seen;
  auto& self = const_cast<Module&>(root);
  const NamedModuleList modules =
      recurse ? self.named_modules(prefix) : NamedModuleList{{prefix, ModulePtr(ModulePtr(), &self)}};
  for (const auto& [module_prefix, module] : modules) {
    for (const auto& [name, value] : ((*module).*table)()) {
      if (!value.defined() || !seen.insert(value.impl()).second) continue;
      out.emplace_back(module_prefix.empty() ? name : module_prefix + "." + name, value);
    }
  }
  return out;
}

TensorList values_of(const NamedTensorList& named) {
  TensorList out;
  out.reserve(named.size());
  for (const auto& [name, value] : named) out.push_back(value);
  return out;
}

}  // namespace

NamedTensorList Module::named_parameters(const std::string& prefix, bool recurse) const {
  return named_members(*this, prefix, recurse, &Module::local_parameters);
}
TensorList Module::parameters(bool recurse) const { return values_of(named_parameters("", recurse)); }
NamedTensorList Module::named_buffers(const std::string& prefix, bool recurse) const {
  return named_members(*this, prefix, recurse, &Module::local_buffers);
}
TensorList Module::buffers(bool recurse) const { return values_of(named_buffers("", recurse)); }

Module& Module::train(bool mode) {
  training_ = mode;
  for (const auto& [name, module] : children_) {
    if (module) module->train(mode);
  }
  return *this;
}

Module& Module::requires_grad_(bool requires_grad) {
  for (Tensor& p : parameters()) p.requires_grad_(requires_grad);
  return *this;
}

void Module::zero_grad(bool set_to_none) {
  for (const Tensor& p : parameters()) {
    const Tensor g = p.grad();
    if (!g.defined()) continue;
    if (set_to_none) {
      p.set_grad(Tensor());
    } else {
      Tensor detached = g.grad_fn() ? g.detach() : g;
      detached.zero_();
      if (!detached.is_same(g)) p.set_grad(detached);
    }
  }
}

Module& Module::to(ScalarType dtype) {
  PT_CHECK(is_floating_point(dtype), TypeError,
           "nn.Module.to only accepts floating point dtypes, but got desired dtype=" << dtype_name(dtype));
  autograd::NoGradGuard no_grad;
  auto convert = [&](const Tensor& t) {
    if (!t.defined() || !t.is_floating_point() || t.dtype() == dtype) return;
    t.set_data(t.to(dtype));
    const Tensor g = t.grad();
    if (g.defined()) t.set_grad(g.to(dtype));
  };
  for (const Tensor& p : parameters()) convert(p);
  for (const Tensor& b : buffers()) convert(b);
  return *this;
}

HookHandle Module::register_forward_pre_hook(ForwardPreHook hook) {
  const auto id = hooks_->next_id++;
  hooks_->pre.emplace_back(id, std::move(hook));
  std::weak_ptr<Hooks> weak = hooks_;
  return HookHandle([weak, id] {
    if (auto hooks = weak.lock()) std::erase_if(hooks->pre, [id](const auto& h) { return h.first == id; });
  });
}

HookHandle Module::register_forward_hook(ForwardHook hook) {
  const auto id = hooks_->next_id++;
  hooks_->post.emplace_back(id, std::move(hook));
  std::weak_ptr<Hooks> weak = hooks_;
  return HookHandle([weak, id] {
    if (auto hooks = weak.lock()) std::erase_if(hooks->post, [id](const auto& h) { return h.first == id; });
  });
}

namespace {
thread_local ModuleCallObserver* g_call_observer = nullptr;

// Scope guard: the observer sees exit() even when forward throws.
class ObservedCall {
 public:
  explicit ObservedCall(Module& m) : module_(m), observer_(g_call_observer) {
    if (observer_) observer_->enter(module_);
  }
  ~ObservedCall() {
    if (observer_) observer_->exit(module_);
  }
  ObservedCall(const ObservedCall&) = delete;
  ObservedCall& operator=(const ObservedCall&) = delete;
  void result(const IValue& output) {
    if (observer_) observer_->result(module_, output);
  }

 private:
  Module& module_;
  ModuleCallObserver* observer_;
};
}  // namespace

ModuleCallObserver* set_module_call_observer(ModuleCallObserver* observer) {
  ModuleCallObserver* previous = g_call_observer;
  g_call_observer = observer;
  return previous;
}

IValue Module::call(const Stack& inputs) {
  ObservedCall observed(*this);
  // Copies of the hook lists, so that a hook may remove itself.
  const auto pre = hooks_->pre;
  const auto post = hooks_->post;
  Stack args = inputs;
  for (const auto& [id, hook] : pre) {
    if (auto replaced = hook(*this, args)) args = std::move(*replaced);
  }
  IValue result = forward_stack(args);
  for (const auto& [id, hook] : post) {
    if (auto replaced = hook(*this, args, result)) result = std::move(*replaced);
  }
  observed.result(result);
  return result;
}

IValue Module::call_method(const std::string& name, const Stack& inputs) {
  PT_CHECK(name == "forward", AttributeError, "'" << type_name() << "' object has no attribute '" << name << "'");
  return call(inputs);
}

Tensor Module::operator()(const Tensor& input) { return call({input}).to_tensor(); }
Tensor Module::operator()(const Tensor& a, const Tensor& b) { return call({a, b}).to_tensor(); }

IValue Module::forward_stack(const Stack& inputs) {
  PT_CHECK(inputs.size() == 1 && inputs[0].is_tensor(), TypeError,
           "forward() of " << type_name() << " takes one tensor argument but " << inputs.size()
                           << " arguments were given");
  return forward(inputs[0].to_tensor());
}

Tensor Module::forward(const Tensor&) {
  PT_THROW(NotImplementedError, "Module [" << type_name() << "] is missing the required \"forward\" function");
}

ModulePtr Module::shallow_copy() const {
  PT_THROW(TypeError, "cannot clone " << type_name() << ": derive it from paratrace::nn::Cloneable<"
                                      << class_name() << "> to make it copyable");
}

}  // namespace paratrace::nn
