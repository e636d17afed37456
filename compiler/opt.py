"""cldmdf-opt: run the fusion pipeline on a model and print the IR before and
after, and the report.

    cldmdf-opt model.pt2 [-o fused.pt2]           # a torch.export program
    cldmdf-opt models.py [--model NAME] [-o fused.pt2]
        # a Python file defining `model` and `example_inputs` (or functions
        # get_model() / get_example_inputs()), or a dict MODELS of name -> (model, inputs)

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


def main(argv=None):
    parser = argparse.ArgumentParser(prog="cldmdf-opt", description=__doc__.split("\n")[0])
    parser.add_argument("input", help="a .pt2 exported program or a .py file defining a model")
    parser.add_argument("--model", help="which entry of MODELS in a .py file")
    parser.add_argument("-o", "--output", help="save the fused exported program here (.pt2)")
    parser.add_argument("--no-ir", action="store_true", help="print only the report")
    args = parser.parse_args(argv)

    import cldmdf  # noqa: F401
    from cldmdf.compiler import fuse_exported

    if not os.path.exists(args.input):
        _fail(f"{args.input}: no such file")
    if args.input.endswith(".pt2"):
        try:
            ep = torch.export.load(args.input)
        except Exception as err:
            _fail(f"{args.input}: not a loadable torch.export program: {err}")
    elif args.input.endswith(".py"):
        model, inputs = _load_python(args.input, args.model)
        try:
            ep = torch.export.export(model, tuple(inputs), strict=False)
        except Exception as err:
            _fail(f"could not export the model: {type(err).__name__}: {err}")
    elif args.input.endswith(".pt"):
        _fail("TorchScript (.pt) input is not supported by this driver yet; export the model "
              "with torch.export and pass the .pt2")
    else:
        _fail(f"{args.input}: expected a .pt2 or .py file")

    if not args.no_ir:
        print("// ----- before -----")
        print(ep.graph)
    fused, report = fuse_exported(ep)
    if not args.no_ir:
        print("// ----- after -----")
        print(fused.graph)
    print(report)
    if args.output:
        torch.export.save(fused, args.output)
        print(f"saved {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
