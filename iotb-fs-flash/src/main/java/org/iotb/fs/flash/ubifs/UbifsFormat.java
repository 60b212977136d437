package org.iotb.fs.flash.ubifs;

/** On-flash constants of UBIFS (linux/fs/ubifs/ubifs-media.h); everything is little-endian. */
final class UbifsFormat {
    static final int MAGIC = 0x06101831;
    static final int CH_SIZE = 24;

    static final int INO_NODE = 0;
    static final int DATA_NODE = 1;
    static final int DENT_NODE = 2;
    static final int XENT_NODE = 3;
    static final int SB_NODE = 6;
    static final int MST_NODE = 7;
    static final int REF_NODE = 8;
    static final int IDX_NODE = 9;
    static final int CS_NODE = 10;
    /** The log starts right after the superblock and the two master LEBs. */
    static final long LOG_LNUM = 3;

    static final int KEY_INO = 0;
    static final int KEY_DATA = 1;
    static final int KEY_DENT = 2;

    static final int COMPR_NONE = 0;
    static final int COMPR_LZO = 1;
    static final int COMPR_ZLIB = 2;
    static final int COMPR_ZSTD = 3;

    static final int BLOCK_SIZE = 4096;
    static final int INO_HEADER = 160;
    static final int DATA_HEADER = 48;
    static final int DENT_HEADER = 56;
    static final int IDX_HEADER = 28;
    static final int BRANCH_MIN = 20;
    static final long ROOT_INO = 1;

    /** Bigger than any legal node (an index node with a large fanout); bounds every allocation. */
    static final int MAX_NODE = 256 * 1024;
    static final int MAX_INDEX_DEPTH = 64;

    private UbifsFormat() {
    }

    static String comprName(int c) {
        return switch (c) {
            case COMPR_NONE -> "none";
            case COMPR_LZO -> "lzo";
            case COMPR_ZLIB -> "zlib";
            case COMPR_ZSTD -> "zstd";
            default -> "unknown(" + c + ")";
        };
    }
}
