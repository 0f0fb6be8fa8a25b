"""The two fits training needs: weighted logistic regression and Platt scaling (numpy, scipy).

numpy and scipy are imported inside the functions: they are development requirements, and
importing this module must not need them.
"""

from __future__ import annotations


def fit_logistic(x, y, sample_weight, penalty, prior, offset, max_iterations: int):
    """Weighted logistic regression with a fixed per-row ``offset`` added to the logit, L2
    around ``prior``; returns (weights, intercept)."""
    import numpy as np
    from scipy.optimize import minimize

    signs = 2.0 * y - 1.0

    def loss_and_gradient(params):
        w, b = params[:-1], params[-1]
        margin = signs * (x @ w + b + offset)
        loss = np.sum(sample_weight * np.logaddexp(0.0, -margin))
        loss += 0.5 * np.sum(penalty * (w - prior) ** 2)
        g = -sample_weight * signs * np.exp(-np.logaddexp(0.0, margin))  # -sw*s*sigmoid(-m)
        return loss, np.append(x.T @ g + penalty * (w - prior), g.sum())

    start = np.append(prior, 0.0)
    result = minimize(
        loss_and_gradient,
        start,
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iterations, "maxfun": max_iterations * 2},
    )
    return result.x[:-1], float(result.x[-1])


def platt_scaling(logits, labels) -> tuple[float, float]:
    """``a, b`` so that sigmoid(a * logit + b) is calibrated on (logits, labels)."""
    import numpy as np
    from scipy.optimize import minimize

    z = np.asarray(logits, dtype=float)
    y = np.asarray(labels, dtype=float)
    # Platt's smoothed targets keep a perfectly separated fold from pushing a to infinity.
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    t = np.where(y == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))

    def nll(params):
        a, b = params
        s = a * z + b
        p = 1.0 / (1.0 + np.exp(-s))
        loss = np.sum(np.logaddexp(0.0, s) - t * s)
        grad_s = p - t
        return loss, np.array([np.sum(grad_s * z), np.sum(grad_s)])

    result = minimize(nll, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    return float(result.x[0]), float(result.x[1])
