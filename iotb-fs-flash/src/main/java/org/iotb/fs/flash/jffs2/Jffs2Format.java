package org.iotb.fs.flash.jffs2;

/** On-flash constants of JFFS2 (linux/include/uapi/linux/jffs2.h). */
final class Jffs2Format {
    static final int MAGIC = 0x1985;
    static final int HEADER_SIZE = 12;
    /** Set on live nodes; the kernel clears it to mark a node obsolete. */
    static final int NODE_ACCURATE = 0x2000;

    static final int DIRENT = 0xE001;
    static final int INODE = 0xE002;
    static final int CLEANMARKER = 0x2003;
    static final int PADDING = 0x2004;
    static final int SUMMARY = 0x2006;
    static final int XATTR = 0xE008;
    static final int XREF = 0xE009;

    static final int DIRENT_SIZE = 40;
    static final int INODE_SIZE = 68;

    static final int COMPR_NONE = 0x00;
    static final int COMPR_ZERO = 0x01;
    static final int COMPR_RTIME = 0x02;
    static final int COMPR_RUBINMIPS = 0x03;
    static final int COMPR_COPY = 0x04;
    static final int COMPR_DYNRUBIN = 0x05;
    static final int COMPR_ZLIB = 0x06;
    static final int COMPR_LZO = 0x07;
    static final int COMPR_LZMA = 0x08;

    /** Linux data nodes hold at most one page; 1 MiB leaves room for odd builds and bounds allocation. */
    static final int MAX_DSIZE = 1 << 20;

    private Jffs2Format() {
    }

    static boolean isKnownType(int nodeType) {
        int live = nodeType | NODE_ACCURATE;
        return live == DIRENT || live == INODE || live == CLEANMARKER || live == PADDING || live == SUMMARY
                || live == XATTR || live == XREF;
    }

    static String comprName(int compr) {
        return switch (compr) {
            case COMPR_NONE -> "none";
            case COMPR_ZERO -> "zero";
            case COMPR_RTIME -> "rtime";
            case COMPR_RUBINMIPS -> "rubinmips";
            case COMPR_COPY -> "copy";
            case COMPR_DYNRUBIN -> "dynrubin";
            case COMPR_ZLIB -> "zlib";
            case COMPR_LZO -> "lzo";
            case COMPR_LZMA -> "lzma";
            default -> "unknown(" + compr + ")";
        };
    }
}
