package org.iotb.unpack.codec;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few liblzma functions iotb calls, bound with JNA's direct mapping. liblzma is the decoder behind
 * xz-utils and unsquashfs; it runs the LZMA range decoder about twice as fast as the pure-Java one, which
 * is where squashfs-xz extraction spends its time. Loaded once, on first use; when the library (or JNA's
 * own stub) cannot be loaded, {@link #AVAILABLE} is false and callers use xz-java instead.
 */
final class Liblzma {
    /** lzma_ret values (lzma/base.h). */
    static final int OK = 0;
    static final int STREAM_END = 1;
    static final int MEM_ERROR = 5;
    static final int MEMLIMIT_ERROR = 6;
    static final int FORMAT_ERROR = 7;
    static final int OPTIONS_ERROR = 8;
    static final int DATA_ERROR = 9;
    static final int BUF_ERROR = 10;

    /** lzma_action values. */
    static final int RUN = 0;
    static final int FINISH = 3;

    /**
     * sizeof(lzma_stream) on LP64 is 136 bytes; a larger zeroed block is LZMA_STREAM_INIT with room to spare.
     * Offsets of the fields iotb touches, all before the reserved tail and stable since liblzma 5.0.
     */
    static final int STREAM_SIZE = 256;
    static final int NEXT_IN = 0;
    static final int AVAIL_IN = 8;
    static final int TOTAL_IN = 16;
    static final int NEXT_OUT = 24;
    static final int AVAIL_OUT = 32;

    static final boolean AVAILABLE;
    static final String VERSION;
    static final String WHY_NOT;

    static {
        boolean ok = false;
        String version = null;
        String why = null;
        if (disabled()) {
            why = "disabled by IOTB_NATIVE_LZMA=0 / -Diotb.lzma.native=false";
        } else {
            try {
                // the layout constants above hold on 64-bit Linux and macOS only
                if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
                    why = "not a 64-bit platform";
                } else {
                    Native.register(Liblzma.class, load());
                    version = lzma_version_string();
                    ok = version != null && !version.startsWith("4.");
                    if (!ok) {
                        why = "unsupported liblzma " + version;
                    }
                }
            } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError (no JNA), SecurityException
                why = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        AVAILABLE = ok;
        VERSION = version;
        WHY_NOT = why;
    }

    private Liblzma() {
    }

    private static boolean disabled() {
        return "0".equals(System.getenv("IOTB_NATIVE_LZMA"))
                || "false".equalsIgnoreCase(System.getProperty("iotb.lzma.native"));
    }

    /** The runtime package ships only the versioned name (liblzma.so.5); the unversioned one needs -dev. */
    private static NativeLibrary load() {
        UnsatisfiedLinkError first = null;
        for (String name : new String[] {"liblzma.so.5", "lzma", "liblzma.5.dylib"}) {
            try {
                return NativeLibrary.getInstance(name);
            } catch (UnsatisfiedLinkError e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    static native int lzma_stream_decoder(Pointer strm, long memlimit, int flags);

    static native int lzma_alone_decoder(Pointer strm, long memlimit);

    static native int lzma_code(Pointer strm, int action);

    static native void lzma_end(Pointer strm);

    static native String lzma_version_string();

    static String describe(int ret) {
        return switch (ret) {
            case MEM_ERROR -> "cannot allocate memory";
            case MEMLIMIT_ERROR -> "needs more memory than the limit allows";
            case FORMAT_ERROR -> "not in the expected format";
            case OPTIONS_ERROR -> "unsupported options";
            case DATA_ERROR -> "corrupt data";
            case BUF_ERROR -> "truncated input";
            default -> "liblzma error " + ret;
        };
    }
}
