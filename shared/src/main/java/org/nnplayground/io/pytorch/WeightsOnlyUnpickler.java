package org.nnplayground.io.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.text.CodedError;

/**
 * Reads the pickle of a state dict the way PyTorch's {@code torch.load(..., weights_only=True)} does: a
 * small stack machine that knows only the opcodes a dictionary of tensors needs and only four kinds of
 * global (OrderedDict, the two tensor rebuilders, the typed storages). Anything else, above all a global
 * such as {@code os.system} or an opcode that builds arbitrary objects, stops the read with a message.
 * Nothing is ever called or imported: the allowed globals are interpreted here, by name.
 */
final class WeightsOnlyUnpickler {
    private static final Object MARK = new Object();
    private static final int MAX_STACK = 100_000;

    /** An allowed global, by its Python name. */
    static final class Global {
        final String name;

        Global(String name) {
            this.name = name;
        }
    }

    static final class Tuple {
        final List<Object> items;

        Tuple(List<Object> items) {
            this.items = items;
        }
    }

    /** A storage named by a persistent id: data/key in the archive. */
    static final class Storage {
        final StoredTensor.DType dtype;
        final String key;
        final long numel;

        Storage(StoredTensor.DType dtype, String key, long numel) {
            this.dtype = dtype;
            this.key = key;
            this.numel = numel;
        }
    }

    /** A tensor view on a storage. */
    static final class View {
        final Storage storage;
        final long offset;
        final long[] shape;
        final long[] stride;

        View(Storage storage, long offset, long[] shape, long[] stride) {
            this.storage = storage;
            this.offset = offset;
            this.shape = shape;
            this.stride = stride;
        }
    }

    private final byte[] bytes;
    private int at;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private WeightsOnlyUnpickler(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The pickled object: a map, views, and plain values. */
    static Object read(byte[] pickle) {
        return new WeightsOnlyUnpickler(pickle).run();
    }

    private Object run() {
        while (true) {
            int code = u8();
            switch (code) {
                case 0x80 -> u8(); // PROTO
                case 0x95 -> take(8); // FRAME: a length hint
                case '.' -> {
                    if (stack.size() != 1) {
                        throw bad("the pickle ends with " + stack.size() + " values on its stack");
                    }
                    return stack.get(0);
                }
                case 'c' -> push(global(line(), line()));
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String) || !(name instanceof String)) {
                        throw bad("a global needs a module and a name");
                    }
                    push(global((String) module, (String) name));
                }
                case 'q' -> memo.put((long) u8(), peek());
                case 'r' -> memo.put(Bytes.u32(bytes, advance(4)), peek());
                case 0x94 -> memo.put((long) memo.size(), peek());
                case 'h' -> push(recall(u8()));
                case 'j' -> push(recall(Bytes.u32(bytes, advance(4))));
                case '(' -> push(MARK);
                case ')' -> push(new Tuple(List.of()));
                case 't' -> push(new Tuple(popToMark()));
                case 0x85, 0x86, 0x87 -> {
                    int n = code - 0x84;
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        items.add(0, pop());
                    }
                    push(new Tuple(items));
                }
                case '}' -> push(new LinkedHashMap<Object, Object>());
                case ']' -> push(new ArrayList<Object>());
                case 'a' -> {
                    Object item = pop();
                    list(peek()).add(item);
                }
                case 'e' -> {
                    List<Object> items = popToMark();
                    list(peek()).addAll(items);
                }
                case 's' -> {
                    Object value = pop();
                    Object key = key(pop());
                    dict(peek()).put(key, value);
                }
                case 'u' -> {
                    List<Object> items = popToMark();
                    if (items.size() % 2 != 0) {
                        throw bad("SETITEMS with an odd number of values");
                    }
                    Map<Object, Object> dict = dict(peek());
                    for (int i = 0; i < items.size(); i += 2) {
                        dict.put(key(items.get(i)), items.get(i + 1));
                    }
                }
                case 'J' -> push((long) (int) Bytes.u32(bytes, advance(4)));
                case 'K' -> push((long) u8());
                case 'M' -> push((long) Bytes.u16(bytes, advance(2)));
                case 0x8a -> push(long1());
                case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(Bytes.i64(bytes, advance(8)))));
                case 'X' -> push(utf8(Bytes.u32(bytes, advance(4))));
                case 0x8c -> push(utf8(u8()));
                case 0x8d -> push(utf8(Bytes.i64(bytes, advance(8))));
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'R' -> {
                    Object args = pop();
                    Object callable = pop();
                    push(reduce(callable, args));
                }
                case 'b' -> build(pop(), peek());
                case 'Q' -> push(storage(pop()));
                default -> throw bad("opcode 0x" + (code < 16 ? "0" : "") + Integer.toHexString(code) + " at byte " + (at - 1)
                        + " is not allowed in a weights-only file");
            }
        }
    }

    private static Global global(String module, String name) {
        String full = module + "." + name;
        boolean storage = module.equals("torch") && StoredTensor.DType.ofTorchStorage(name) != null;
        if (storage || full.equals("collections.OrderedDict") || full.equals("torch._utils._rebuild_tensor_v2")
                || full.equals("torch._utils._rebuild_parameter")) {
            return new Global(full);
        }
        String refused = "refused: the file asks for " + full + ", which a state dict of tensors never needs (like "
                + "torch.load with weights_only=True, only OrderedDict, tensors and float, double and integer storages are "
                + "allowed); nothing in the file was run";
        if (module.startsWith("torch.nn.") || module.equals("__main__")) { // the course's torch.save(net): a whole network
            throw new CodedError("file.wholeNetwork", refused + ". It looks like a whole network saved with torch.save(net): "
                    + "save net.state_dict() instead", "global", full);
        }
        throw new CodedError("file.refusedGlobal", refused, "global", full);
    }

    private Object reduce(Object callable, Object args) {
        if (!(callable instanceof Global) || !(args instanceof Tuple)) {
            throw bad("REDUCE needs an allowed global and a tuple of arguments");
        }
        List<Object> a = ((Tuple) args).items;
        switch (((Global) callable).name) {
            case "collections.OrderedDict" -> {
                if (!a.isEmpty()) {
                    throw bad("OrderedDict is built empty in a state dict");
                }
                return new LinkedHashMap<Object, Object>();
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                if (a.size() < 6 || !(a.get(0) instanceof Storage) || !(a.get(1) instanceof Long)) {
                    throw bad("_rebuild_tensor_v2 needs (storage, offset, size, stride, requires_grad, hooks)");
                }
                return new View((Storage) a.get(0), (Long) a.get(1), longs(a.get(2), "size"), longs(a.get(3), "stride"));
            }
            case "torch._utils._rebuild_parameter" -> {
                if (a.size() < 1 || !(a.get(0) instanceof View)) {
                    throw bad("_rebuild_parameter needs a tensor");
                }
                return a.get(0);
            }
            default -> throw bad(((Global) callable).name + " cannot be called");
        }
    }

    /** BUILD: only an OrderedDict's attributes (the state dict's _metadata), which are skipped. */
    private void build(Object state, Object target) {
        if (!(target instanceof Map) || !(state instanceof Map)) {
            throw bad("BUILD is allowed only to set a dictionary's attributes");
        }
    }

    private Storage storage(Object pid) {
        if (!(pid instanceof Tuple) || ((Tuple) pid).items.size() != 5) {
            throw bad("a persistent id must be ('storage', type, key, location, size)");
        }
        List<Object> p = ((Tuple) pid).items;
        if (!"storage".equals(p.get(0)) || !(p.get(1) instanceof Global) || !(p.get(2) instanceof String)
                || !(p.get(4) instanceof Long)) {
            throw bad("a persistent id must be ('storage', type, key, location, size)");
        }
        String type = ((Global) p.get(1)).name;
        StoredTensor.DType dtype = type.startsWith("torch.") ? StoredTensor.DType.ofTorchStorage(type.substring(6)) : null;
        if (dtype == null) {
            throw bad(type + " is not a storage type");
        }
        return new Storage(dtype, (String) p.get(2), (Long) p.get(4));
    }

    /**
     * A dictionary key as state dicts have them: text, a number, True/False or None. A list or tuple key (which
     * Python would refuse or hash by value) could contain itself or nest 60,000 deep, and hashing it would never end.
     */
    private Object key(Object key) {
        if (key == null || key instanceof String || key instanceof Long || key instanceof Double || key instanceof Boolean) {
            return key;
        }
        throw bad("a dictionary key must be text or a number in a state dict, not "
                + (key instanceof List ? "a list" : key instanceof Tuple ? "a tuple" : key instanceof Map ? "a dictionary" : "a tensor"));
    }

    private static long[] longs(Object tuple, String what) {
        if (!(tuple instanceof Tuple)) {
            throw new IllegalArgumentException("a tensor's " + what + " must be a tuple of whole numbers");
        }
        List<Object> items = ((Tuple) tuple).items;
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Long)) {
                throw new IllegalArgumentException("a tensor's " + what + " must be a tuple of whole numbers");
            }
            out[i] = (Long) items.get(i);
        }
        return out;
    }

    private long long1() {
        int n = u8();
        if (n > 8) {
            throw bad("an integer of " + n + " bytes is too large");
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            value |= (long) (bytes[advance(1)] & 0xFF) << (8 * i);
        }
        if (n > 0 && n < 8 && (bytes[at - 1] & 0x80) != 0) {
            value -= 1L << (8 * n);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw bad("APPEND needs a list");
        }
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o) {
        if (!(o instanceof Map)) {
            throw bad("SETITEM needs a dictionary");
        }
        return (Map<Object, Object>) o;
    }

    private Object recall(long index) {
        if (!memo.containsKey(index)) {
            throw bad("memo entry " + index + " was never stored");
        }
        return memo.get(index);
    }

    private List<Object> popToMark() {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw bad("a MARK is missing");
        }
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        while (stack.size() > mark) {
            stack.remove(stack.size() - 1);
        }
        return items;
    }

    private void push(Object o) {
        if (stack.size() >= MAX_STACK) {
            throw bad("the pickle's stack grows past " + MAX_STACK + " values");
        }
        stack.add(o);
    }

    private Object pop() {
        Object o = peek();
        stack.remove(stack.size() - 1);
        return o;
    }

    private Object peek() {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw bad("the pickle's stack is empty where a value was expected");
        }
        return stack.get(stack.size() - 1);
    }

    private String line() {
        int start = at;
        while (u8() != '\n') {
            if (at - start > 256) {
                throw bad("a global's name is too long");
            }
        }
        return new String(bytes, start, at - 1 - start, StandardCharsets.UTF_8);
    }

    private String utf8(long length) {
        int start = advance(length);
        return new String(bytes, start, (int) length, StandardCharsets.UTF_8);
    }

    private byte[] take(long length) {
        int start = advance(length);
        byte[] out = new byte[(int) length];
        System.arraycopy(bytes, start, out, 0, out.length);
        return out;
    }

    private int u8() {
        return bytes[advance(1)] & 0xFF;
    }

    /** Moves past length bytes and returns where they start; fails if the pickle ends first. */
    private int advance(long length) {
        if (length < 0 || at + length > bytes.length) {
            throw bad("the pickle ends early (truncated file?)");
        }
        int start = at;
        at += (int) length;
        return start;
    }

    private IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("not a weights-only PyTorch file: " + message);
    }
}
