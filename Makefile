# Dirty ring series for Linux 6.12: assemble, build, boot and test.
# Each target is one step; `make check` runs them all.  See README.md.
#
# Variables: DEBUG=1 (debug config: KASAN, lockdep, ...), LISTS="a b" (tests/a.list, tests/b.list),
#            DEBUG_LISTS="a b" (what `make check` runs on the debug kernel after LISTS; empty: none),
#            ARM64_LISTS="a b" (what `make check` runs on the arm64 kernel at the end; empty: none),
#            SMOKE_LISTS="a" (make bench's smoke run in `make check`; empty: none),
#            BENCH_LISTS="a b", BENCH_PASSES=n (what `make bench` boots, how often, per kernel),
#            ARCH=arm64 (kernel, selftests, initramfs, boot, shell: the arm64 guest),
#            PKG_VERSION=6.12.y-... (another linux-source-6.12), FORCE=1 (re-assemble).

LISTS ?= $(if $(filter arm64,$(ARCH)),arm64,default shadow qemu)
DEBUG_LISTS ?= debug qemu
ARM64_LISTS ?= arm64
SMOKE_LISTS ?= bench-smoke
BENCH_LISTS ?= bench bench-smp
BENCH_PASSES ?= 2
export DEBUG FORCE PKG_VERSION
# ARCH reaches the rig's scripts through the environment, but not the kernel
# builds that they start (MAKEFLAGS would pass it on): they set their own.
MAKEOVERRIDES := $(filter-out ARCH=%,$(MAKEOVERRIDES))
ifneq ($(and $(filter check,$(MAKECMDGOALS)),$(filter arm64,$(ARCH))),)
$(error make check runs both architectures: drop ARCH=arm64)
endif

PACKAGES := bc bison busybox-static ccache cpio flex gcc gcc-aarch64-linux-gnu git gnuplot-nox gzip kmod \
	libelf-dev libc6-dev-arm64-cross libssl-dev make perl python3 python3-git python3-ply qemu-system-arm \
	qemu-system-x86 quilt shellcheck xz-utils

.PHONY: help deps tree export export-base series kernel stock-kernel selftests initramfs boot check run shell lint bisect bench clean

help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## deps        install the Debian packages the rig needs (when missing)
deps:
	@dpkg -s $(PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PACKAGES); }

## tree        assemble build/linux: pristine 6.12 + base/ + patches/series
tree: deps
	@rig/assemble.sh

## export      write the tree's commits after tag "base" into patches/
export:
	@rig/export.sh

## export-base write the tree's prep commit (pristine..base) into base/
export-base:
	@BASE=1 rig/export.sh

## series      write build/series/ for maintainers and distributions: the prep patch
##             and the series, as mbox/ (git am, cover letter) and quilt/ (DEP-3)
series: tree
	@rig/series.sh

## kernel      build the guest kernel (DEBUG=1: with config/debug.config; ARCH=arm64)
kernel: tree
	@rig/kernel.sh

## selftests   build the KVM selftests statically
selftests: kernel
	@rig/selftests.sh

## initramfs   pack busybox, the guest init and the selftests named in tests/;
##             and QEMU with an L2 guest for tests/qemu.list (rig/qemu-initramfs.sh)
initramfs: selftests
	@rig/initramfs.sh
	@[ "$(ARCH)" = arm64 ] || rig/qemu-initramfs.sh

## stock-kernel build stock 6.12 with the same config: make boot KERNEL=build/obj-stock/...
stock-kernel: kernel
	@rig/stock-kernel.sh

## boot        boot and run the lists in $(LISTS) without rebuilding
boot:
	@rig/boot.sh $(LISTS)

## check       the test command: lint, build what is missing, boot, run $(LISTS);
##             then build the debug kernel and run $(DEBUG_LISTS) on it, and the
##             arm64 kernel and run $(ARM64_LISTS) on it (rig/check.sh: each
##             kernel builds while the lists before it boot)
check: lint initramfs
	@LISTS="$(LISTS)" DEBUG_LISTS="$(DEBUG_LISTS)" ARM64_LISTS="$(ARM64_LISTS)" \
		SMOKE_LISTS="$(SMOKE_LISTS)" rig/check.sh

## bench       the benchmark: dirty_log_perf_test's bitmap, clear-log and ring modes
##             (tests/bench*.list) on our kernel and on stock 6.12, booted alternately;
##             writes build/bench/ (CSV, table, plot) and prints the ratios
bench: initramfs
	@BENCH_LISTS="$(BENCH_LISTS)" BENCH_PASSES="$(BENCH_PASSES)" rig/bench.sh

## run         the main job: build, boot and run the migration demo (tests/demo.list)
run: initramfs
	@VERBOSE=1 rig/boot.sh demo

## shell       interactive shell in the guest
shell: initramfs
	@rig/boot.sh shell

## lint        checkpatch --strict on base/ and patches/, shellcheck on the harness,
##             build/series applied to pristine 6.12 with git am and with quilt
##             (rig/series-check.sh), the KVM uapi against stock's (rig/uapi-check.sh),
##             KVM built for i386 as modules (rig/i386.sh) and compiled for arm64 (rig/arm64.sh)
lint: tree
	@rig/lint.sh

## bisect      apply the series one patch at a time and build each step
bisect: tree
	@rig/bisect.sh

## clean       remove everything the rig generated in build/ but the tree (build/linux,
##             which may hold unexported work) and the download (build/dl);
##             `rm -rf build` removes those too, and the ccache is outside the clone
clean:
	[ ! -d build ] || find build -mindepth 1 -maxdepth 1 ! -name linux ! -name dl -exec rm -rf {} +
