#include "cldmdf/tensor_utils.h"

#include <cmath>

namespace cldmdf {

std::string shape_str(const Tensor& t) {
  std::ostringstream oss;
  oss << '[';
  for (int64_t d = 0; d < t.dim(); ++d) oss << (d ? ", " : "") << t.size(d);
  oss << ']';
  return oss.str();
}

std::string dtype_str(ScalarType t) {
  switch (t) {
    case ScalarType::Float: return "float32";
    case ScalarType::Double: return "float64";
    case ScalarType::Half: return "float16";
    case ScalarType::BFloat16: return "bfloat16";
    case ScalarType::Bool: return "bool";
    case ScalarType::Byte: return "uint8";
    case ScalarType::Char: return "int8";
    case ScalarType::Short: return "int16";
    case ScalarType::Int: return "int32";
    case ScalarType::Long: return "int64";
    default: return "dtype #" + std::to_string(static_cast<int>(t));
  }
}

std::string device_str(const Tensor& t) {
  if (t.is_cpu()) return "cpu";
  if (t.is_cuda()) return "cuda:" + std::to_string(t.get_device_index());
  return "device type #" + std::to_string(static_cast<int>(t.device().type()));
}

bool is_supported_float(ScalarType t) {
  return t == ScalarType::Float || t == ScalarType::Double || t == ScalarType::Half ||
         t == ScalarType::BFloat16;
}

void check_rank(const char* op, const char* name, const Tensor& t, int64_t rank, const char* layout) {
  CLDMDF_CHECK(t.dim() == rank, "cldmdf::", op, ": argument '", name, "' expected a ", rank,
               "-D tensor ", layout, ", got a ", t.dim(), "-D tensor of shape ", shape_str(t));
}

void check_size(const char* op, const char* name, const Tensor& t, int64_t dim, int64_t expected,
                const char* what) {
  CLDMDF_CHECK(t.size(dim) == expected, "cldmdf::", op, ": argument '", name, "' expected size ",
               expected, " in dim ", dim, " (", what, "), got shape ", shape_str(t));
}

void check_floating(const char* op, const char* name, const Tensor& t) {
  CLDMDF_CHECK(is_supported_float(t.scalar_type()), "cldmdf::", op, ": argument '", name,
               "' expected a floating dtype (float32, float64, float16 or bfloat16), got ",
               dtype_str(t.scalar_type()));
}

void check_same_dtype(const char* op, const char* name, const Tensor& t, const char* ref_name,
                      const Tensor& ref) {
  CLDMDF_CHECK(t.scalar_type() == ref.scalar_type(), "cldmdf::", op, ": argument '", name,
               "' expected dtype ", dtype_str(ref.scalar_type()), " (the dtype of '", ref_name,
               "'), got ", dtype_str(t.scalar_type()));
}

void check_same_device(const char* op, const char* name, const Tensor& t, const char* ref_name,
                       const Tensor& ref) {
  const bool same = t.device().type() == ref.device().type() &&
                    t.get_device_index() == ref.get_device_index();
  CLDMDF_CHECK(same, "cldmdf::", op, ": argument '", name, "' expected device ", device_str(ref),
               " (the device of '", ref_name, "'), got ", device_str(t));
}

void check_positive_finite(const char* op, const char* name, double value) {
  CLDMDF_CHECK(std::isfinite(value) && value > 0.0, "cldmdf::", op, ": argument '", name,
               "' expected a finite value > 0, got ", value);
}

void check_mask(const char* op, const std::optional<Tensor>& mask, int64_t B, int64_t M,
                const char* ref_name, const Tensor& ref) {
  if (!mask.has_value()) return;
  const Tensor& m = *mask;
  CLDMDF_CHECK(m.scalar_type() == ScalarType::Bool, "cldmdf::", op,
               ": argument 'mask' expected dtype bool, got ", dtype_str(m.scalar_type()));
  CLDMDF_CHECK(m.dim() == 2 && m.size(0) == B && m.size(1) == M, "cldmdf::", op,
               ": argument 'mask' expected shape [B, M] = [", B, ", ", M, "], got ", shape_str(m));
  check_same_device(op, "mask", m, ref_name, ref);
}

Tensor new_empty(const Tensor& like, std::vector<int64_t> sizes, ScalarType dtype) {
  return torch::stable::empty(sizes, dtype, std::nullopt, like.device());
}

Tensor new_zeros(const Tensor& like, std::vector<int64_t> sizes, ScalarType dtype) {
  Tensor t = new_empty(like, std::move(sizes), dtype);
  torch::stable::zero_(t);
  return t;
}

}  // namespace cldmdf
