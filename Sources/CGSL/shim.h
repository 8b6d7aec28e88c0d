#ifndef SOURCINGSIM_CGSL_SHIM_H
#define SOURCINGSIM_CGSL_SHIM_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_version.h>
#include <gsl/gsl_math.h>

/* Swift 6 treats C globals as not concurrency-safe; these accessors read them. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const char *cgsl_version(void) { return gsl_version; }

/* GSL's default handler calls abort(); the tool checks status codes instead. */
static inline void cgsl_disable_error_handler(void) { gsl_set_error_handler_off(); }

/* A uniform draw in (0,1), as gsl_rng_uniform_pos, inlined into the caller's loop. */
static inline double cgsl_uniform_pos(const gsl_rng *r) {
    double x;
    do { x = (r->type->get_double)(r->state); } while (x == 0);
    return x;
}

/* A uniform draw in [0,1), as gsl_rng_uniform, inlined into the caller's loop. */
static inline double cgsl_uniform(const gsl_rng *r) { return (r->type->get_double)(r->state); }

#endif
