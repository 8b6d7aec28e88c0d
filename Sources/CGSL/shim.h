#ifndef SOURCINGSIM_CGSL_SHIM_H
#define SOURCINGSIM_CGSL_SHIM_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_version.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdint.h>

/* Swift 6 treats C globals as not concurrency-safe; these accessors read them. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const char *cgsl_version(void) { return gsl_version; }

/* glibc's allocator thresholds (Simulation's AllocatorTuning): 1 when both are set, 0 where
   there is no glibc mallopt. */
#if defined(__GLIBC__)
#include <malloc.h>
#endif
static inline int cgsl_set_allocator_thresholds(int mmap_threshold, int trim_threshold) {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1 && mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1;
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    return 0;
#endif
}

/* GSL's default handler calls abort(); the tool checks status codes instead. */
static inline void cgsl_disable_error_handler(void) { gsl_set_error_handler_off(); }

/* GSL's mt19937 state (gsl 2.7 rng/mt.c: unsigned long mt[624]; int mti) and its step, inlined
   so that a draw costs no call through the generator's function pointer. The same words as
   gsl_rng_get, bit for bit (RandomStreamTests checks many seeds over long streams): regenerate
   the 624 words when they are used up, then temper the next one. */
typedef struct { unsigned long mt[624]; int mti; } cgsl_mt_state;

static inline unsigned long cgsl_mt_next(void *vstate) {
    cgsl_mt_state *state = (cgsl_mt_state *)vstate;
    unsigned long *const mt = state->mt;
    const int n = 624, m = 397;
    const unsigned long upper = 0x80000000UL, lower = 0x7fffffffUL;
#define CGSL_MT_MAGIC(y) (((y) & 0x1) ? 0x9908b0dfUL : 0)
    if (state->mti >= n) {
        int kk;
        for (kk = 0; kk < n - m; kk++) {
            unsigned long y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + m] ^ (y >> 1) ^ CGSL_MT_MAGIC(y);
        }
        for (; kk < n - 1; kk++) {
            unsigned long y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + (m - n)] ^ (y >> 1) ^ CGSL_MT_MAGIC(y);
        }
        {
            unsigned long y = (mt[n - 1] & upper) | (mt[0] & lower);
            mt[n - 1] = mt[m - 1] ^ (y >> 1) ^ CGSL_MT_MAGIC(y);
        }
        state->mti = 0;
    }
#undef CGSL_MT_MAGIC
    unsigned long k = mt[state->mti];
    k ^= (k >> 11);
    k ^= (k << 7) & 0x9d2c5680UL;
    k ^= (k << 15) & 0xefc60000UL;
    k ^= (k >> 18);
    state->mti++;
    return k;
}

/* The next raw word, as gsl_rng_get: inline for mt19937, through GSL for the others. */
static inline unsigned long cgsl_get(const gsl_rng *r) {
    return r->type == gsl_rng_mt19937 ? cgsl_mt_next(r->state) : (r->type->get)(r->state);
}

/* A uniform draw in [0,1), as gsl_rng_uniform (mt19937: the word / 2^32), inlined. */
static inline double cgsl_uniform(const gsl_rng *r) {
    return r->type == gsl_rng_mt19937 ? cgsl_mt_next(r->state) / 4294967296.0 : (r->type->get_double)(r->state);
}

/* A uniform draw in (0,1), as gsl_rng_uniform_pos, inlined into the caller's loop. */
static inline double cgsl_uniform_pos(const gsl_rng *r) {
    double x;
    do { x = cgsl_uniform(r); } while (x == 0);
    return x;
}

/* An exactly uniform integer in [0, s) from 32-bit raw draws (Lemire 2019, "Fast random integer
   generation in an interval": multiply, keep the high word, reject the rare biased low words).
   The generator must return every value in [0, 2^32 - 1] (mt19937, taus2 and ranlxd2 do). */
static inline uint32_t cgsl_bounded32(const gsl_rng *r, uint32_t s) {
    uint64_t m = (uint64_t)(uint32_t)cgsl_get(r) * (uint64_t)s;
    uint32_t low = (uint32_t)m;
    if (low < s) {
        uint32_t threshold = (uint32_t)(-s) % s;
        while (low < threshold) {
            m = (uint64_t)(uint32_t)cgsl_get(r) * (uint64_t)s;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

/* One Latin hypercube column of n < 2^32 uniforms: u_i = (pi(i) + U_i) / n with pi a uniformly
   random permutation (Fisher-Yates on cgsl_bounded32) and U_i = (k + 1/2) / 2^32 from a raw
   32-bit draw k; a value that rounds up to its stratum's upper bound is moved just below it. */
static inline void cgsl_latin_hypercube_fill(const gsl_rng *r, double *out, size_t n) {
    if (n == 0) return;
    for (size_t i = 0; i < n; i++) out[i] = (double)i;
    for (size_t i = n - 1; i >= 1; i--) {
        size_t j = cgsl_bounded32(r, (uint32_t)(i + 1));
        double t = out[i]; out[i] = out[j]; out[j] = t;
    }
    const double size = (double)n;
    for (size_t i = 0; i < n; i++) {
        double stratum = out[i];
        double jitter = ((double)(uint32_t)cgsl_get(r) + 0.5) * 0x1p-32;
        double u = (stratum + jitter) / size;
        double ceiling = (stratum + 1.0) / size;
        out[i] = u < ceiling ? u : nextafter(ceiling, 0.0);
    }
}

#endif
