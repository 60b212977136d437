#!/usr/bin/env bash
# Benchmark: iotb's full recursive unpack against Debian's `binwalk -Me` on the same images, in one run.
# Prints wall time, peak RSS (/usr/bin/time -v) and files recovered by each, and the ratios.
# Not a test: run on demand, e.g.  scripts/bench-unpack.sh            (samples + a generated image)
#                                  scripts/bench-unpack.sh IMG...      (your own images)
#                                  REAL=1 scripts/bench-unpack.sh      (every real vendor image of the corpus:
#                                      firmware/ and firmware/real-extra/, as FirmwareCorpusTest reads them)
# IOTB_BUILD=0 uses the jar as built (no rebuild first).
# Needs: java 17, binwalk, GNU time (/usr/bin/time), tar, xz, gzip. Results go to docs/benchmarks/unpack.md by hand.
# ROUNDS=N (default 1) runs every image N times per tool and keeps each tool's median time.
# sasquatch: when scripts/build-sasquatch.sh has built target/sasquatch/bin/sasquatch (or SASQUATCH names one),
# binwalk runs with it first on its PATH, so the comparison is iotb against binwalk + sasquatch (binwalk prefers
# sasquatch for squashfs when it is installed); the header line says which.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
samples=${IOTB_SAMPLES:-$root/../shared/samples}
work=$(mktemp -d /tmp/bench-unpack.XXXXXX)
trap 'rm -rf "$work"' EXIT

# --- how to run iotb: the product launcher ./iotb (what users run: fat jar, class-data-sharing archive, liblzma),
#     rebuilt first; IOTB_MODULE=1 runs `iotb unpack` (org.iotb.cli.Main) from the fat jar on a plain JVM instead
#     (scripts/dev-classpath.sh: no launcher, no class-data archive), to measure the engine without the launcher
if [[ ${IOTB_MODULE:-0} != 1 ]]; then
    [[ ${IOTB_BUILD:-1} == 1 ]] && (cd "$root" && ./mvnw -q -o package -DskipTests >/dev/null)
    iotb=("$root/iotb" unpack)
else
    cp=$("$root/scripts/dev-classpath.sh" 2>/dev/null)
    iotb=(java -Xmx1g -XX:+UseSerialGC -cp "$cp" org.iotb.cli.Main unpack)
fi

# --- images: arguments, or the vendor samples plus two generated images; then a second group of file systems
#     Debian's binwalk does not extract here (its extractors for them are not packaged), timed the same way
images=("$@")
unread=()
if [[ ${#images[@]} -eq 0 && ${REAL:-0} == 1 ]]; then
    # the real vendor images (not the format test files: FIT/DTB/TRX/zImage samples)
    for f in "$samples"/firmware/*.bin "$samples"/firmware/*.fw "$samples"/firmware/*.ros "$samples"/firmware/real-extra/*; do
        [[ -f "$f" ]] && images+=("$f")
    done
elif [[ ${#images[@]} -eq 0 ]]; then
    for f in jffs2_le.img jffs2_be.img ubi.img test.ubifs cramfs_le_fe.img squashfs_v2.0_be_broadcom_adsl_rootfs.bin \
             yaffs2_le.img; do
        [[ -f "$samples/filesystems/$f" ]] && unread+=("$samples/filesystems/$f")
    done
    for f in firmware/tplink_tl-wr841n_v10_3.16.9_up_boot.bin firmware/huawei_hg532e_V100R001C01B020_upgrade_packet.bin \
             firmware/fit_aarch64_test.itb firmware/uimage_mips_lzma_vendor_header.bin firmware/ros_rntp_container.ros \
             firmware/tplink_tl-wr702n_vxworks.fw filesystems/android_sparse.img malicious/tar_dirtraversal.tar; do
        [[ -f "$samples/$f" ]] && images+=("$samples/$f")
    done
    # generated: unknown 4 KiB vendor header + gzip "kernel" + 0xFF padding + tar.xz rootfs of 3000 files
    gen="$work/gen"; mkdir -p "$gen/rootfs"
    for d in $(seq 1 30); do mkdir -p "$gen/rootfs/d$d"; for f in $(seq 1 100); do
        head -c $(( (d * 997 + f * 131) % 20000 )) /dev/urandom > "$gen/rootfs/d$d/f$f"; done; done
    head -c 3000000 /dev/urandom | gzip -1 > "$gen/kernel.gz"
    (cd "$gen/rootfs" && tar -cJf ../rootfs.tar.xz .)
    { head -c 4096 /dev/urandom; cat "$gen/kernel.gz"; head -c 65536 /dev/zero | tr '\0' '\377'; cat "$gen/rootfs.tar.xz"; } \
        > "$work/generated-blob.bin"
    images+=("$work/generated-blob.bin")
    # generated router-like image from real files: uImage(gzip kernel stand-in) + squashfs (xz) of /etc and
    # 400 programs from /usr/bin, as Debian's mkimage and mksquashfs make them
    if command -v mksquashfs >/dev/null && command -v mkimage >/dev/null; then
        mkdir -p "$gen/router/bin" "$gen/router/etc"
        cp -a /etc/. "$gen/router/etc/" 2>/dev/null || true
        find /usr/bin -maxdepth 1 -type f | sort | head -400 | xargs -I{} cp {} "$gen/router/bin/" 2>/dev/null || true
        # a 4 MiB slice of a real shared library stands in for the kernel
        head -c 4194304 "$(find /usr/lib -name 'libjvm.so' -o -name 'libc.so.6' | head -1)" | gzip -6 > "$gen/kernel2.gz"
        mkimage -A mips -O linux -T kernel -C gzip -a 0x80000000 -e 0x80000000 -n bench -d "$gen/kernel2.gz" \
            "$gen/uImage" >/dev/null
        mksquashfs "$gen/router" "$gen/rootfs.sqfs" -comp xz -noappend -quiet >/dev/null
        { cat "$gen/uImage"; head -c 131072 /dev/zero | tr '\0' '\377'; cat "$gen/rootfs.sqfs"; } > "$work/generated-router.bin"
        images+=("$work/generated-router.bin")
    fi
fi

# Content files: regular files a tool did not unpack further, so that intermediates (a decompressed kernel that
# was carved again) and binwalk's raw copies of the streams it carved (HEX.7z next to the decoded HEX, HEX.squashfs
# next to squashfs-root/) do not count as recovered files. iotb's manifest.json is not content either.
content_files() { # tool dir -> count
    local tool=$1 dir=$2 n=0 f d b
    while IFS= read -r -d '' f; do
        d=${f%/*}; b=${f##*/}
        if [[ $tool == iotb ]]; then
            [[ $f == "$dir/manifest.json" ]] && continue
            compgen -G "$f.extracted*" >/dev/null && continue
        else
            [[ -d "$d/_$b.extracted" ]] && continue
            if [[ $b =~ ^[0-9A-F]+\.[A-Za-z0-9]+$ ]]; then
                [[ -e "$d/${b%%.*}" ]] && continue
                compgen -G "$d/*-root" >/dev/null && continue
                # a zip/7z/cpio carve unpacks next to its raw copy (HEX.zip): the copy is no content either
                [[ $b =~ \.(zip|7z|cpio|tar|jar)$ && $(find "$d" -mindepth 1 -maxdepth 1 | wc -l) -gt 1 ]] && continue
            fi
        fi
        n=$((n + 1))
    done < <(find "$dir" -type f -print0 2>/dev/null)
    echo "$n"
}

measure() { # tool outdir cmd... -> "seconds maxrss_kib content_files"
    local tool=$1 out=$2; shift 2
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
    local secs rss
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    echo "$secs $rss $(content_files "$tool" "$out")"
}

# binwalk + sasquatch when sasquatch was built (scripts/build-sasquatch.sh), plain binwalk otherwise
sasquatch=${SASQUATCH:-$root/target/sasquatch/bin/sasquatch}
if [[ -x "$sasquatch" ]]; then
    sq_dir="$work/sasquatch-bin"; mkdir -p "$sq_dir"; ln -sf "$sasquatch" "$sq_dir/sasquatch"
    export PATH="$sq_dir:$PATH"
    echo "binwalk runs with sasquatch: $sasquatch"
else
    echo "binwalk runs without sasquatch (build it with scripts/build-sasquatch.sh to compare with binwalk + sasquatch)"
fi

# binwalk refuses to extract as root unless told to
bw_root=(); [[ $(id -u) -eq 0 ]] && bw_root=(--run-as=root)

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END { print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2) }'; }
rounds=${ROUNDS:-1}

run_group() { # title image... : one table, its totals
    local title=$1; shift
    echo "== $title"
    printf '%-48s %9s %9s %9s %9s %8s %8s %7s\n' image iotb_s binwalk_s iotb_MiB bw_MiB iotb_f bw_f speedup
    local tot_i=0 tot_b=0 fi_all=0 fb_all=0 img name si sb ri rb nfi fb ti tb ratio r
    for img in "$@"; do
        name=$(basename "$img")
        ti=(); tb=()
        # Each run writes a fresh directory and nothing is deleted until the script ends: creating files right
        # after deleting many is slower on ext4 (it skips recently freed inodes), which would penalise
        # whichever tool ran next. The tools take turns going first, so that load changes hit both alike.
        for ((r = 0; r < rounds; r++)); do
            if ((r % 2 == 0)); then
                read -r si ri nfi < <(measure iotb "$work/iotb-$name-$r" "${iotb[@]}" "$img" -o "$work/iotb-$name-$r")
                read -r sb rb fb < <(measure binwalk "$work/bw-$name-$r" binwalk -q -Me "${bw_root[@]}" -C "$work/bw-$name-$r" "$img")
            else
                read -r sb rb fb < <(measure binwalk "$work/bw-$name-$r" binwalk -q -Me "${bw_root[@]}" -C "$work/bw-$name-$r" "$img")
                read -r si ri nfi < <(measure iotb "$work/iotb-$name-$r" "${iotb[@]}" "$img" -o "$work/iotb-$name-$r")
            fi
            ti+=("$si"); tb+=("$sb")
        done
        si=$(echo "${ti[*]}" | median); sb=$(echo "${tb[*]}" | median)
        ratio=$(awk -v a="$sb" -v b="$si" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')
        printf '%-48s %9.2f %9.2f %9.0f %9.0f %8d %8d %7s\n' "${name:0:48}" "$si" "$sb" $((ri / 1024)) $((rb / 1024)) "$nfi" "$fb" "$ratio"
        tot_i=$(awk -v a="$tot_i" -v b="$si" 'BEGIN{print a+b}'); tot_b=$(awk -v a="$tot_b" -v b="$sb" 'BEGIN{print a+b}')
        fi_all=$((fi_all + nfi)); fb_all=$((fb_all + fb))
    done
    awk -v i="$tot_i" -v b="$tot_b" -v r="$rounds" -v fi="$fi_all" -v fb="$fb_all" 'BEGIN {
        printf "total (medians of %d rounds): iotb %.2f s, binwalk -Me %.2f s, speedup %.1fx; content files iotb %d, binwalk %d\n",
            r, i, b, b / i, fi, fb }'
}

run_group "firmware images" "${images[@]}"
[[ ${#unread[@]} -gt 0 ]] && run_group "file systems Debian's binwalk does not extract" "${unread[@]}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
