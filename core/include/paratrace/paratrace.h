#pragma once
// Everything a user of the core library needs, in one include.
#include "paratrace/autograd/engine.h"
#include "paratrace/autograd/grad_mode.h"
#include "paratrace/autograd/gradcheck.h"
#include "paratrace/errors.h"
#include "paratrace/nn/containers.h"
#include "paratrace/nn/module.h"
#include "paratrace/nn/normalization.h"
#include "paratrace/tensor/factories.h"
#include "paratrace/tensor/generator.h"
#include "paratrace/tensor/indexing.h"
#include "paratrace/tensor/ops.h"
#include "paratrace/tensor/tensor.h"
