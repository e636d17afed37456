"""cldmdf-opt: run the fusion pipeline on a model and print the IR before and
after, and the report.

    cldmdf-opt model.pt2 [-o fused.pt2]           # a torch.export program
    cldmdf-opt model.pt --inputs inputs.pt [-o fused.pt]
        # a TorchScript model (scripted or traced, saved with torch.jit.save) and its
        # example inputs (a tuple or list saved with torch.save); the TorchScript adapter
    cldmdf-opt models.py [--model NAME] [--ir export|torchscript|mlir] [-o out]
        # a Python file defining `model` and `example_inputs` (or functions
        # get_model() / get_example_inputs()), or a dict MODELS of name -> (model, inputs);
        # --ir torchscript scripts the model and runs the TorchScript pass
    cldmdf-opt model.pt2 --ir mlir [-o fused.mlir]
        # the program imported by torch-mlir, fused by the C++ MLIR pass: the torch dialect
        # before and after (generic form), and the report

A .py input is executed (it is Python: run only files you trust).

Exit status: 0 on success (whether or not anything was fused), 2 on bad
arguments or an unloadable model.
"""
import argparse
import importlib.util
import os
import sys

import torch


def _fail(msg: str):
    print(f"cldmdf-opt: error: {msg}", file=sys.stderr)
    sys.exit(2)


def _load_python(path: str, name):
    spec = importlib.util.spec_from_file_location("cldmdf_opt_input", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as err:  # the user's file: report, don't trace back
        _fail(f"{path}: could not be executed: {type(err).__name__}: {err}")
    if hasattr(module, "MODELS"):
        models = module.MODELS
        if name is None:
            if len(models) != 1:
                _fail(f"{path} defines several models; choose one with --model "
                      f"({', '.join(models)})")
            name = next(iter(models))
        if name not in models:
            _fail(f"{path}: no model {name!r}; it defines {', '.join(models)}")
        model, inputs = models[name]
        return model() if callable(model) and not isinstance(model, torch.nn.Module) else model, \
            inputs() if callable(inputs) else inputs
    model = getattr(module, "model", None) or (module.get_model() if hasattr(module, "get_model")
                                               else None)
    inputs = getattr(module, "example_inputs", None)
    if inputs is None and hasattr(module, "get_example_inputs"):
        inputs = module.get_example_inputs()
    if model is None or inputs is None:
        _fail(f"{path} must define `model` and `example_inputs` (or get_model() and "
              "get_example_inputs(), or MODELS)")
    return model, tuple(inputs)


def _load_inputs(path):
    if path is None:
        _fail("a TorchScript model needs --inputs FILE (its example inputs, a tuple or list "
              "saved with torch.save)")
    if not os.path.exists(path):
        _fail(f"{path}: no such file")
    try:  # tensors and containers only: nothing in the file is unpickled as code
        inputs = torch.load(path, weights_only=True)
    except Exception as err:
        _fail(f"{path}: not loadable with torch.load(weights_only=True) (example inputs must "
              f"be tensors, or a tuple / list of them): {str(err).splitlines()[0]}")
    return tuple(inputs) if isinstance(inputs, (tuple, list)) else (inputs,)


def _run_torchscript(scripted, inputs, args):
    from cldmdf.compiler import fuse_torchscript
    try:
        fused, report = fuse_torchscript(scripted, inputs, explain=args.explain)
    except (RuntimeError, ValueError) as err:
        _fail(str(err))
    if not args.no_ir:
        print("// ----- before (frozen) -----")
        print(torch.jit.freeze(scripted.eval()).graph if not _frozen(scripted) else scripted.graph)
        print("// ----- after -----")
        print(fused.graph)
    print(report.explain() if args.explain else report)
    if args.output:
        fused.save(args.output)
        print(f"saved {args.output}")
    return 0


def _run_mlir(ep, args):
    from cldmdf.compiler import mlir_pass
    why = mlir_pass.missing_reason()
    if why:
        _fail(why)
    before = mlir_pass.to_torch_mlir(ep)
    try:
        after, report = mlir_pass.fuse_mlir_text(before, explain=args.explain)
    except ValueError as err:
        _fail(str(err))
    if not args.no_ir:
        print("// ----- before (torch dialect) -----")
        print(_without_resources(before))
        print("// ----- after -----")
        print(_without_resources(after))
    print(report.explain() if args.explain else report)
    if args.output:
        with open(args.output, "w") as f:
            f.write(after)
        print(f"saved {args.output}")
    return 0


def _without_resources(text: str) -> str:
    """The module without its parameter blobs (printed as hex, unreadable)."""
    head, sep, _ = text.partition("\n{-#")
    return head + ("\n// (parameter resources left out)" if sep else "")


def _frozen(module):
    first = next(iter(module.graph.inputs()), None)
    return first is not None and not first.uses()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="cldmdf-opt", description=__doc__.split("\n")[0])
    parser.add_argument("input", help="a .pt2 exported program, a .pt TorchScript model or a "
                                      ".py file defining a model")
    parser.add_argument("--model", help="which entry of MODELS in a .py file")
    parser.add_argument("--inputs", help="example inputs of a .pt model (torch.save of a tuple)")
    parser.add_argument("--ir", choices=["export", "torchscript", "mlir"], default="export",
                        help="fuse the torch.export program (default), the scripted TorchScript "
                             "module (.py input), or the program's torch-mlir import (mlir)")
    parser.add_argument("-o", "--output", help="save the fused model here (.pt2 for an exported "
                                               "program, .pt for TorchScript)")
    parser.add_argument("--no-ir", action="store_true", help="print only the report")
    parser.add_argument("--explain", action="store_true",
                        help="the report with every node examined and the canonical form of "
                             "each match: why did my model gain nothing?")
    args = parser.parse_args(argv)

    import cldmdf  # noqa: F401
    from cldmdf.compiler import fuse_exported

    if not os.path.exists(args.input):
        _fail(f"{args.input}: no such file")
    if args.input.endswith(".pt"):
        try:
            scripted = torch.jit.load(args.input)
        except Exception as err:
            _fail(f"{args.input}: not a loadable TorchScript model: {err}")
        return _run_torchscript(scripted, _load_inputs(args.inputs), args)
    if args.input.endswith(".pt2"):
        try:
            ep = torch.export.load(args.input)
        except Exception as err:
            _fail(f"{args.input}: not a loadable torch.export program: {err}")
    elif args.input.endswith(".py"):
        model, inputs = _load_python(args.input, args.model)
        if args.ir == "torchscript":
            try:
                scripted = torch.jit.script(model.eval())
            except Exception as err:
                _fail(f"could not script the model: {type(err).__name__}: {err}")
            return _run_torchscript(scripted, tuple(inputs), args)
        try:
            ep = torch.export.export(model, tuple(inputs), strict=False)
        except Exception as err:
            _fail(f"could not export the model: {type(err).__name__}: {err}")
    else:
        _fail(f"{args.input}: expected a .pt2, .pt or .py file")

    if args.ir == "mlir":
        return _run_mlir(ep, args)
    if not args.no_ir:
        print("// ----- before -----")
        print(ep.graph)
    fused, report = fuse_exported(ep, explain=args.explain)
    if not args.no_ir:
        print("// ----- after -----")
        print(fused.graph)
    print(report.explain() if args.explain else report)
    if args.output:
        torch.export.save(fused, args.output)
        print(f"saved {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
