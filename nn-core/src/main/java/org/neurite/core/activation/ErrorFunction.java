package org.neurite.core.activation;

/**
 * The error function and the Gaussian distribution to double precision, which the JDK lacks: W. J. Cody's
 * rational Chebyshev approximations ("Rational Chebyshev approximations for the error function", Math.
 * Comp. 23, 1969; the SPECFUN routine CALERF), whose relative error is below 1e-17 on each interval.
 *
 * <p>Two details keep the tails accurate: the Gaussian factor {@code exp(-x²)} is computed as
 * {@code exp(-t²)·exp(-(x-t)(x+t))} with {@code t} the value of {@code x} truncated to a multiple of 1/16, so
 * that the rounding of {@code x²} (an absolute error of about {@code x²·ε} in the exponent) is avoided; and
 * the normal distribution's lower tail is taken from {@code erfc}, never as {@code 1 - something}, so that
 * {@code Φ(-37)} is a correct 5.7e-300 rather than a cancelled 0.
 */
final class ErrorFunction {

    /** Below this |x|, erf is its own rational approximation; above, erfc is. */
    private static final double SMALL = 0.46875;
    /** Above this |x|, erfcx(x) = 1/(√π·x) to double precision. */
    private static final double HUGE = 6.71e7;
    /** Beyond this |z|, Φ(-|z|) and φ(z) are below the smallest double (e^-800 ≪ 4.9e-324). */
    private static final double GAUSS_LIMIT = 40.0;

    private static final double INV_SQRT_PI = 0.56418958354775628695;
    private static final double INV_SQRT2 = 0.70710678118654752440;
    private static final double INV_SQRT_2PI = 0.39894228040143267794;

    // erf(x) = x·A(x²)/B(x²) for |x| <= 0.46875.
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02,
        3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02,
        1.28261652607737228e03, 2.84423683343917062e03};
    // erfcx(x) = C(x)/D(x) for 0.46875 < x <= 4.
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00,
        6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
        1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
        2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02,
        5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03,
        4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
    // erfcx(x) = (1/√π - P(1/x²)/x² /Q(1/x²)) / x for x > 4.
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1,
        1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4,
        1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346047e00,
        5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3};

    private ErrorFunction() {
    }

    /** The error function {@code erf(x) = 2/√π ∫₀ˣ e^(-t²) dt}. */
    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= SMALL) {
            return erfSmall(x);
        }
        double r = 0.5 - erfcPositive(y) + 0.5; // halves keep the rounding of 1 - erfc symmetric, as Cody does
        return x < 0 ? -r : r;
    }

    /** The complementary error function {@code erfc(x) = 1 - erf(x)}, accurate relatively in the tail. */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= SMALL) {
            return 1.0 - erfSmall(x);
        }
        double r = erfcPositive(y);
        return x < 0 ? 2.0 - r : r;
    }

    /** The standard normal distribution function {@code Φ(z) = erfc(-z/√2)/2}. */
    static double cdf(double z) {
        double y = Math.abs(z) * INV_SQRT2;
        if (y <= SMALL) {
            return 0.5 + 0.5 * erfSmall(z * INV_SQRT2);
        }
        if (Math.abs(z) > GAUSS_LIMIT) {
            return z < 0 ? 0.0 : 1.0;
        }
        // The lower tail Φ(-|z|) = erfcx(|z|/√2)·e^(-z²/2)/2, with e^(-z²/2) computed from z itself: the
        // rounding of |z|/√2 then only enters erfcx, whose condition number is below 1.
        double tail = 0.5 * erfcx(y) * expMinusHalfSquare(z);
        return z < 0 ? tail : 1.0 - tail;
    }

    /** The standard normal density {@code φ(z) = e^(-z²/2)/√(2π)}. */
    static double pdf(double z) {
        return INV_SQRT_2PI * expMinusHalfSquare(z);
    }

    /** {@code x·A(x²)/B(x²)}, erf for {@code |x| <= 0.46875}. */
    private static double erfSmall(double x) {
        double ysq = x * x;
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /** The scaled complementary error function {@code e^(y²)·erfc(y)} for {@code y > 0.46875}. */
    static double erfcx(double y) {
        if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            return (num + C[7]) / (den + D[7]);
        }
        if (y >= HUGE) {
            return INV_SQRT_PI / y;
        }
        double ysq = 1.0 / (y * y);
        double num = P[5] * ysq;
        double den = ysq;
        for (int i = 0; i < 4; i++) {
            num = (num + P[i]) * ysq;
            den = (den + Q[i]) * ysq;
        }
        double r = ysq * (num + P[4]) / (den + Q[4]);
        return (INV_SQRT_PI - r) / y;
    }

    /** {@code erfc(y)} for {@code y > 0.46875}. */
    private static double erfcPositive(double y) {
        if (y > 27.3) {
            return 0.0; // erfc(27.3) < 1e-325: below the smallest double
        }
        double t = Math.floor(y * 16.0) / 16.0;
        double del = (y - t) * (y + t);
        return Math.exp(-t * t) * Math.exp(-del) * erfcx(y);
    }

    /** {@code e^(-z²/2)} without the rounding error of {@code z²}: {@code t²} below is exact. */
    private static double expMinusHalfSquare(double z) {
        double a = Math.abs(z);
        if (!(a <= GAUSS_LIMIT)) {
            return 0.0; // also for a huge z, where a·16 or a² would overflow
        }
        double t = Math.floor(a * 16.0) / 16.0;
        double del = (a - t) * (a + t);
        return Math.exp(-0.5 * t * t) * Math.exp(-0.5 * del);
    }
}
