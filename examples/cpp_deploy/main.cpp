// Runs the models written by export_models.py on their saved inputs and prints
// the outputs and the latency per batch:
//   <dir>/stock.pt      TorchScript, stock PyTorch ops
//   <dir>/fused.pt      TorchScript, the same model fused by the TorchScript pass
//   <dir>/fused_aoti.pt2  AOTInductor package of the fused exported program
//   <dir>/inputs.pt     the input tensors (a list saved with torch.save)
//   <dir>/cldmdf_model.pt  the scripted CL-DMDF model (cldmdf.nn), run by predict_logits
//   <dir>/model_inputs.pt  its inputs: the modality tensors, then the mask
// Writes <dir>/cpp_outputs.pt (a list: stock, fused, aoti, CL-DMDF outputs) for comparison.
#include <cldmdf/cldmdf.h>
#include <torch/csrc/inductor/aoti_package/model_package_loader.h>
#include <torch/script.h>
#include <torch/serialize.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<at::Tensor> load_inputs(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot open " + path);
  std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::vector<at::Tensor> inputs;
  for (const auto& v : torch::pickle_load(bytes).toList()) inputs.push_back(v.get().toTensor());
  return inputs;
}

template <typename F>
double median_ms(F&& fn, int reps) {
  for (int i = 0; i < 3; ++i) fn();
  std::vector<double> times;
  for (int i = 0; i < reps; ++i) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::nth_element(times.begin(), times.begin() + reps / 2, times.end());
  return times[reps / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " <models dir> [repetitions]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const int reps = argc > 2 ? std::stoi(argv[2]) : 20;
  // keeps the operator library linked (and so its operators registered) without
  // -Wl,--no-as-needed
  std::cout << "cldmdf operator library " << cldmdf_init() << "\n";
  try {
    c10::InferenceMode guard;
    const std::vector<at::Tensor> inputs = load_inputs(dir + "/inputs.pt");
    std::vector<c10::IValue> ivalues(inputs.begin(), inputs.end());

    torch::jit::Module stock = torch::jit::load(dir + "/stock.pt");
    torch::jit::Module fused = torch::jit::load(dir + "/fused.pt");
    torch::inductor::AOTIModelPackageLoader aoti(dir + "/fused_aoti.pt2");

    const at::Tensor out_stock = stock.forward(ivalues).toTensor();
    const at::Tensor out_fused = fused.forward(ivalues).toTensor();
    const at::Tensor out_aoti = aoti.run(inputs)[0];
    std::cout << "output shape " << out_stock.sizes() << "\n";
    std::cout << "max |fused - stock| = " << (out_fused - out_stock).abs().max().item<double>() << "\n";
    std::cout << "max |aoti - stock|  = " << (out_aoti - out_stock).abs().max().item<double>() << "\n";

    const double t_stock = median_ms([&] { stock.forward(ivalues); }, reps);
    const double t_fused = median_ms([&] { fused.forward(ivalues); }, reps);
    const double t_aoti = median_ms([&] { aoti.run(inputs); }, reps);
    std::cout << "latency per batch (median of " << reps << "): TorchScript stock " << t_stock
              << " ms, TorchScript fused " << t_fused << " ms (" << t_stock / t_fused
              << "x), AOTInductor fused " << t_aoti << " ms\n";

    torch::jit::Module model = torch::jit::load(dir + "/cldmdf_model.pt");
    std::vector<at::Tensor> model_inputs = load_inputs(dir + "/model_inputs.pt");
    const at::Tensor mask = model_inputs.back();
    model_inputs.pop_back();
    const std::vector<c10::IValue> model_args{c10::List<at::Tensor>(model_inputs), mask};
    torch::jit::Method predict = model.get_method("predict_logits");
    const at::Tensor logits = predict(model_args).toTensor();
    const double t_model = median_ms([&] { predict(model_args); }, reps);
    std::cout << "CL-DMDF logits shape " << logits.sizes() << ", latency per batch (median of "
              << reps << ") " << t_model << " ms\n";

    std::vector<at::Tensor> outputs{out_stock, out_fused, out_aoti, logits};
    const std::vector<char> bytes = torch::pickle_save(c10::List<at::Tensor>(outputs));
    std::ofstream(dir + "/cpp_outputs.pt", std::ios::binary).write(bytes.data(), bytes.size());
  } catch (const std::exception& err) {
    std::cerr << "cldmdf_deploy: " << err.what() << "\n";
    return 1;
  }
  return 0;
}
