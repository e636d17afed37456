// Host-side helpers over torch::stable::Tensor shared by every kernel file:
// dtype dispatch, output allocation and argument checks that name the
// operator, the argument, what was expected and what was given.
#pragma once

#include <cstdint>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <torch/csrc/stable/library.h>
#include <torch/csrc/stable/ops.h>
#include <torch/csrc/stable/tensor.h>
#include <torch/headeronly/core/ScalarType.h>

namespace cldmdf {

using torch::stable::Tensor;
using ScalarType = torch::headeronly::ScalarType;

template <typename... Args>
[[noreturn]] void fail(const Args&... args) {
  std::ostringstream oss;
  ((oss << args), ...);
  throw std::runtime_error(oss.str());
}

// Throws std::runtime_error (RuntimeError in Python) with the message parts.
#define CLDMDF_CHECK(cond, ...)        \
  do {                                 \
    if (!(cond)) ::cldmdf::fail(__VA_ARGS__); \
  } while (0)

std::string shape_str(const Tensor& t);
std::string dtype_str(ScalarType t);
std::string device_str(const Tensor& t);

bool is_supported_float(ScalarType t);

// Each check raises "cldmdf::<op>: argument '<name>' expected ..., got ...".
void check_rank(const char* op, const char* name, const Tensor& t, int64_t rank, const char* layout);
void check_size(const char* op, const char* name, const Tensor& t, int64_t dim, int64_t expected,
                const char* what);
void check_floating(const char* op, const char* name, const Tensor& t);
void check_same_dtype(const char* op, const char* name, const Tensor& t, const char* ref_name,
                      const Tensor& ref);
void check_same_device(const char* op, const char* name, const Tensor& t, const char* ref_name,
                       const Tensor& ref);
void check_positive_finite(const char* op, const char* name, double value);
// mask: bool [B, M] on the device of `ref`.
void check_mask(const char* op, const std::optional<Tensor>& mask, int64_t B, int64_t M,
                const char* ref_name, const Tensor& ref);

// A new contiguous tensor on the device of `like`.
Tensor new_empty(const Tensor& like, std::vector<int64_t> sizes, ScalarType dtype);
Tensor new_zeros(const Tensor& like, std::vector<int64_t> sizes, ScalarType dtype);

// The dtype of the accumulation type A (math.h's acc_t): float64 for double, else float32.
template <typename A>
constexpr ScalarType acc_scalar_type() {
  return std::is_same_v<A, double> ? ScalarType::Double : ScalarType::Float;
}

template <typename T>
struct TypeTag {
  using type = T;
};

// Calls f(TypeTag<scalar_t>{}) for the four floating dtypes of OPS.md.
template <typename F>
void dispatch_floating(ScalarType t, const char* op, F&& f) {
  switch (t) {
    case ScalarType::Float:
      f(TypeTag<float>{});
      break;
    case ScalarType::Double:
      f(TypeTag<double>{});
      break;
    case ScalarType::Half:
      f(TypeTag<c10::Half>{});
      break;
    case ScalarType::BFloat16:
      f(TypeTag<c10::BFloat16>{});
      break;
    default:
      fail("cldmdf::", op, ": unsupported dtype ", dtype_str(t),
           "; expected float32, float64, float16 or bfloat16");
  }
}

// Strides of a tensor as a small fixed array, for kernels that index
// non-contiguous inputs directly.
template <int R>
struct Strides {
  int64_t s[R];
};
template <int R>
Strides<R> strides_of(const Tensor& t) {
  Strides<R> out{};
  for (int d = 0; d < R; ++d) out.s[d] = t.stride(d);
  return out;
}

}  // namespace cldmdf
