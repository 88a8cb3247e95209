package org.nnplayground.io.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the pickle {@code torch.save(state_dict)} writes (protocol 2): an OrderedDict whose values are
 * {@code torch._utils._rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())}, each storage a
 * persistent id {@code ('storage', torch.FloatStorage, key, 'cpu', numel)} naming the entry data/key.
 * It uses only what PyTorch's weights-only loader allows.
 */
final class StateDictPickle {
    private final Bytes out = new Bytes();

    private StateDictPickle() {
    }

    /** names[i] is stored in storage entry data/i. */
    static byte[] write(List<String> names, List<StoredTensor> tensors) {
        StateDictPickle p = new StateDictPickle();
        p.op(0x80).out.u8(2);
        p.emptyOrderedDict();
        p.op('(');
        for (int i = 0; i < names.size(); i++) {
            p.string(names.get(i));
            p.tensor(tensors.get(i), String.valueOf(i));
        }
        p.op('u').op('.');
        return p.out.toArray();
    }

    private void tensor(StoredTensor t, String key) {
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        op('(').string("storage");
        global("torch", t.dtype().torchStorage);
        string(key).string("cpu").integer(t.values().length).op('t');
        op('Q');
        integer(0);
        int[] shape = t.shape();
        tuple(shape);
        tuple(strides(shape));
        op(0x89);
        emptyOrderedDict();
        op('t').op('R');
    }

    /** Row-major strides, as a contiguous tensor has. */
    static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= Math.max(shape[d], 1);
        }
        return strides;
    }

    private void tuple(int[] values) {
        op('(');
        for (int v : values) {
            integer(v);
        }
        op('t');
    }

    private void emptyOrderedDict() {
        global("collections", "OrderedDict");
        op(')').op('R');
    }

    private void global(String module, String name) {
        op('c').out.ascii(module + "\n" + name + "\n");
    }

    private StateDictPickle string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        op('X').out.u32(utf8.length).bytes(utf8);
        return this;
    }

    private StateDictPickle integer(int v) {
        if (v >= 0 && v < 256) {
            op('K').out.u8(v);
        } else if (v >= 0 && v < 65_536) {
            op('M').out.u16(v);
        } else {
            op('J').out.u32(v);
        }
        return this;
    }

    private StateDictPickle op(int code) {
        out.u8(code);
        return this;
    }
}
