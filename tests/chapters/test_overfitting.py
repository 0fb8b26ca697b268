"""What the overfitting chapter claims, checked against what its snippets print."""

from __future__ import annotations

import itertools
from collections import Counter

import torch
from support.captured import numbers, run_snippet, section_output


def test_a_polynomial_is_a_matrix_of_powers(rendered):
    """ "Each row is one input, 0.5, -1 or 2, raised to the powers 0 to 3. This matrix times a
    column of four coefficients is the polynomial at every input at once" """
    rows = section_output(rendered, "overfitting/polynomials", "features").splitlines()
    assert [numbers(row) for row in rows] == [
        [1.0, 0.5, 0.25, 0.125],
        [1.0, -1.0, 1.0, -1.0],
        [1.0, 2.0, 4.0, 8.0],
    ]
    powers = run_snippet(rendered, "overfitting/polynomials")["powers"]
    x, w = torch.tensor([0.5, -1.0, 2.0]), torch.tensor([[1.5], [-2.0], [0.5], [3.0]])
    by_hand = w[0] + w[1] * x + w[2] * x**2 + w[3] * x**3
    assert torch.allclose((powers(x, 3) @ w).squeeze(1), by_hand)


def test_the_highest_power_is_tiny_for_most_training_inputs(rendered):
    """ "for inputs between -1 and 1 the column x^9 is tiny next to the column of ones" """
    x = run_snippet(rendered, "overfitting/polynomials")["x_train"]
    assert x.abs().max() < 1 and ((x**9).abs() < 0.05).sum() >= 10


def test_the_high_powers_are_nearly_alike_and_rescaling_does_not_help(rendered):
    """ "x^5, x^7 and x^9 ... Their correlation ... is close to 1 on the training inputs ... Rescaling
    the columns would not help, since it leaves their correlations as they are. (For most inputs the
    column x^9 is also tiny next to the column of ones, which makes matters worse.)"; the three
    quizzes "did the same, on a smaller scale"."""
    rows = [
        numbers(line) for line in section_output(rendered, "overfitting/polynomials", "alike").splitlines()
    ]
    assert [row[:2] for row in rows] == [[5, 7], [7, 9], [5, 9]]
    assert [row[-1] for row in rows] == [0.99, 0.995, 0.971] and min(row[-1] for row in rows) > 0.95
    polynomials = run_snippet(rendered, "overfitting/polynomials")
    columns = polynomials["powers"](polynomials["x_train"], 9)

    def flatness(c):
        """The smallest curvature over the largest: near 0, a cost almost flat in some direction."""
        curvatures = torch.linalg.eigvalsh(2 / len(c) * c.T @ c)
        return (curvatures[0] / curvatures[-1]).item()

    standardised = columns.clone()
    standardised[:, 1:] = (columns[:, 1:] - columns[:, 1:].mean(dim=0)) / columns[:, 1:].std(dim=0)
    unit_length = columns / columns.norm(dim=0)
    for rescaled in (standardised, unit_length):
        same = torch.corrcoef(rescaled[:, 1:].T)
        assert torch.allclose(same, torch.corrcoef(columns[:, 1:].T))
        assert flatness(columns) < flatness(rescaled) < 1e-8  # worse unscaled, and still flat
    # The check can fail: columns that are not alike (x and a shuffled x^9) correlate far less.
    shuffled = columns[torch.randperm(12, generator=torch.Generator().manual_seed(0)), 9]
    assert abs(torch.corrcoef(torch.stack([columns[:, 1], shuffled]))[0, 1]) < 0.9
    quizzes = numbers(
        section_output(rendered, "multivariable-regression/train", "standardize").splitlines()[0]
    )
    assert quizzes[0] / quizzes[-1] > 1000 * flatness(unit_length)  # "on a smaller scale"


def test_fitting_errors_show_under_and_overfitting(rendered):
    lines = section_output(rendered, "overfitting/polynomials", "fit").splitlines()
    train, val = zip(*(numbers(line)[1:] for line in lines), strict=True)
    assert all(b <= a + 1e-9 for a, b in itertools.pairwise(train))  # only ever goes down
    # "It falls from degree 0 to 1, rises at degree 2, drops to its lowest values at degrees 3
    # and 4, and from degree 5 on climbs steeply, to about 38,000 at degree 9."
    assert val[1] < val[0] and val[2] > val[1] and val[3] < val[1]
    assert min(range(10), key=val.__getitem__) == 4  # validation is lowest at degree 4
    assert sorted(range(10), key=val.__getitem__)[:2] == [4, 3]
    assert all(b > a for a, b in itertools.pairwise(val[4:]))  # from 5 on, worse and worse
    assert train[9] < 0.01 and round(val[9], -3) == 38000


def test_inside_the_training_range_overfitting_outside_it_extrapolation(rendered):
    first, second, *rows = section_output(rendered, "overfitting/polynomials", "range").splitlines()
    (low, high), (outside, total) = numbers(first), numbers(second)
    assert (low, high, outside, total) == (-0.65, 0.94, 9, 40)  # "Nine of the forty"
    within = {int(numbers(row)[0]): numbers(row)[1] for row in rows}
    beyond = {int(numbers(row)[0]): numbers(row)[2] for row in rows}
    assert within[1] == 0.187 and within[3] == 0.057 and within[4] == 0.058  # the prose's numbers
    assert 0.04 < within[3] < 0.06  # "not far above the noise's variance of 0.04"
    assert round(within[9] / within[3]) == 6  # "six times that of degree 3"
    assert within[2] < within[1] and beyond[2] > beyond[1]  # degree 2: better inside, worse outside
    assert round(beyond[9], -4) == 170000 and 300 < beyond[9] ** 0.5 < 500  # "a typical miss of some 400"
    # "Every polynomial of degree 1 or more heads off towards +-infinity beyond its data": degree 0,
    # a constant, does not.
    polynomials = run_snippet(rendered, "overfitting/polynomials")
    fit, powers = polynomials["fit"], polynomials["powers"]
    far = torch.tensor([-100.0, 100.0], dtype=torch.float64)
    flat = (powers(far, 0) @ fit(polynomials["x_train"], polynomials["y_train"], 0)).squeeze(1)
    assert flat[0] == flat[1] and abs(flat[0]) < 1
    for degree in (1, 3, 9):
        ends = (powers(far, degree) @ fit(polynomials["x_train"], polynomials["y_train"], degree)).abs()
        assert ends.min() > 50, degree


def test_degree_2_fits_real_curvature():
    """ "on this lopsided stretch of the wave the x^2 term fits real curvature": fitted to the
    noise-free wave at the same twelve inputs, degree 2's x^2 coefficient is far from zero."""
    generator = torch.Generator().manual_seed(0)
    x = torch.rand(12, generator=generator, dtype=torch.float64) * 2 - 1
    columns = torch.stack([x**k for k in range(3)], dim=1)
    exact = torch.linalg.lstsq(columns, torch.sin(torch.pi * x).unsqueeze(1)).solution.flatten()
    assert exact[2] < -1  # -1.09
    symmetric = torch.linspace(-1, 1, 12, dtype=torch.float64)  # on a symmetric range it would vanish
    columns = torch.stack([symmetric**k for k in range(3)], dim=1)
    even = torch.linalg.lstsq(columns, torch.sin(torch.pi * symmetric).unsqueeze(1)).solution.flatten()
    assert abs(even[2]) < 1e-12


def test_degree_9_fits_the_points_better_than_the_truth(rendered):
    """ "Degree 9 fits the twelve points better than the truth does: its misses are smaller, on
    average and at their largest." """
    header, nine, truth = section_output(rendered, "overfitting/polynomials", "residual").splitlines()
    assert header.split() == ["misses", "of", "largest", "mean", "squared"]
    assert nine.startswith("degree 9") and truth.startswith("the true curve")
    assert numbers(nine)[-2] < numbers(truth)[-2] and numbers(nine)[-1] < numbers(truth)[-1]


def test_the_degree_is_chosen_on_validation_and_tested_once(rendered):
    chosen, tested = section_output(rendered, "overfitting/polynomials", "choose").splitlines()
    assert chosen == "chosen on the validation set: degree 4"
    validation = numbers(section_output(rendered, "overfitting/polynomials", "fit").splitlines()[4])[-1]
    assert numbers(tested)[-1] == 0.0645 and validation == 0.0964  # "lower than ... 0.0964"


def test_more_data_tames_degree_9(rendered):
    few, few_3, few_9, many, many_3, many_9 = section_output(
        rendered, "overfitting/exercise", "more"
    ).splitlines()
    assert numbers(few)[1:] == [-0.65, 0.94] and numbers(many)[1:] == [-0.99, 0.97]
    assert round(numbers(few_9)[-1], -3) == 38000 and round(numbers(many_9)[-1], 3) == 0.053
    assert numbers(many_9)[-1] < numbers(many_3)[-1] < numbers(few_3)[-1]  # "as low as degree 3's"


def test_gradient_descent_reaches_degree_3_but_not_degree_9(rendered):
    """Exercise 1: "Degree 3 lands on the least-squares fit: its curvatures differ by a factor of
    about 160 ... Its flattest curvature is 3.8e-9 ... 2000 steps remove practically nothing ... the
    huge coefficients it ends with ... a training error of 0.0313, close to degree 3's, and a
    validation error of 0.1382, not 38,000." """
    header, three, gd_3, exact_3, nine, gd_9, exact_9 = section_output(
        rendered, "overfitting/exercise", "descent"
    ).splitlines()
    assert header.split() == ["error", "on", "the", "training", "validation"]
    assert [gd_3.split()[:2], exact_3.split()[:2]] == [["gradient", "descent"], ["least", "squares"]]
    assert round(numbers(three)[2] / numbers(three)[1], -1) == 160
    assert numbers(gd_3)[-2:] == numbers(exact_3)[-2:] == [0.031, 0.1052]
    flattest = numbers(nine)[1]
    assert flattest == 3.8e-09 and (1 - 0.5 * flattest) ** 2000 > 0.99999
    assert numbers(gd_9)[-2:] == [0.0313, 0.1382] and round(numbers(exact_9)[-1], -3) == 38000
    assert abs(numbers(gd_9)[-2] - numbers(gd_3)[-2]) < 0.001  # "close to degree 3's"
    runs = run_snippet(rendered, "overfitting/exercise")["runs"]  # the last degree run: 9
    assert len(runs["least squares"]) == 10
    assert runs["least squares"].abs().max() > 100 * runs["gradient descent"].abs().max()


def test_the_winner_of_a_contest_of_ten_flatters_itself(rendered):
    """Exercise 3: "Degree 3 ... wins most often, but in 409 draws the noise made another degree
    look better. On average the winner's test error, 0.0955, is about a fifth higher than its
    validation error, 0.0797" """
    wins, validation, test = section_output(rendered, "overfitting/exercise", "draws").splitlines()
    assert numbers(wins) == [3, 591, 1000] and 1000 - 591 == 409
    assert numbers(validation)[-1] == 0.0797 and numbers(test)[-1] == 0.0955
    assert round(numbers(test)[-1] / numbers(validation)[-1], 1) == 1.2
    chosen = run_snippet(rendered, "overfitting/exercise")["chosen"]
    assert Counter(chosen).most_common(1)[0][0] == 3
