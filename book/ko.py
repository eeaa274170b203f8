"""The Korean labels of the figures and of the Performance page's tables.

:data:`LABELS` has exact strings, :data:`PATTERNS` strings that carry
numbers from code or a log, each by figure name (``performance_tables`` is
the tables' own entry); :func:`translate` looks a label up in them.
:mod:`book.korean` draws the Korean figures (``NAME.ko``) with them.

A label that has words but no translation is an error, not an English word
in a Korean figure: when an English label changes, drawing the Korean figure
fails until the table here is updated.
"""

from __future__ import annotations

import re
import textwrap

# fmt: off
# Words that stay as they are in the Korean edition: names of code, gates and
# libraries.  A label made only of these (and numbers, math) is not translated.
KEEP = {
    "AND", "NAND", "OR", "XOR", "ReLU", "relu", "exp", "dot", "Softmax",
    "Cross", "Entropy", "Error", "numerical_diff", "lr", "TwoLayerNet",
    "MNIST", "SGD", "PyTorch", "dlfs", "float32", "float64", "ms", "x0", "x1",
}

# Labels that several figures share: the gates' points, training curves,
# and the Performance page's names of implementations and ways.
POINTS = {
    "output 0": "출력 0",
    "output 1": "출력 1",
    "region where the perceptron fires": "퍼셉트론이 1을 출력하는 영역",
}
CURVES = {
    "accuracy": "정확도",
    "iteration": "반복",
    "mini-batch loss": "미니배치 손실",
    "test": "시험",
    "train": "훈련",
}
PERFORMANCE = {
    "PyTorch eager (float32)": "PyTorch 즉시 실행(float32)",
    "book's algorithm (float64)": "책의 알고리즘(float64)",
    "matrix products alone (float32)": "행렬 곱만(float32)",
    "one image at a time": "이미지 한 장씩",
    "numerical differentiation": "수치 미분",
    "backpropagation": "오차역전파법",
}
BATCHES = [
    (r"^batches of (\d+)$", r"크기 \1인 배치로"),
    (r"^one batch of ([\d,]+)$", r"크기 \1인 배치 하나로"),
    (r"^matrix products alone, batches of (\d+)$", r"행렬 곱만, 크기 \1인 배치로"),
    (r"^matrix products alone, one batch of ([\d,]+)$",
     r"행렬 곱만, 크기 \1인 배치 하나로"),
]

LABELS: dict[str, dict[str, str]] = {
    "ch2_gates": POINTS,
    "ch2_perceptron": {
        "fires (1) when\n$w_1 x_1 + w_2 x_2 + b > 0$":
            "$w_1 x_1 + w_2 x_2 + b > 0$이면\n1을 출력",
    },
    "ch2_xor": {
        "NAND's line (right)": "NAND의 직선(오른쪽)",
        "OR's line (left)": "OR의 직선(왼쪽)",
        "OR's line (right)": "OR의 직선(오른쪽)",
        "XOR as AND(NAND, OR)\ntwo layers: a band between two lines":
            "AND(NAND, OR)로 만든 XOR\n층 두 개: 두 직선 사이의 띠",
        "XOR with one line (OR's)\nno line gets all four right":
            "직선 하나(OR의 직선)로 만든 XOR\n네 점을 모두 맞히는 직선은 없음",
        "wrong side": "틀린 쪽",
        **POINTS,
    },
    "ch2_xor_network": {
        "layer 0\ninputs": "0층\n입력",
        "layer 1": "1층",
        "layer 2\noutput": "2층\n출력",
    },
    "ch3_activations": {
        "ReLU and leaky ReLU: unbounded above": "ReLU와 리키 ReLU: 위로 한없이 커짐",
        "Step and sigmoid: outputs between 0 and 1":
            "계단 함수와 시그모이드: 출력은 0과 1 사이",
        "sigmoid": "시그모이드",
        "step function": "계단 함수",
    },
    "ch3_network": {
        "layer 0 (input)": "0층(입력층)",
        "layer 1\nsigmoid": "1층\n시그모이드",
        "layer 2\nsigmoid": "2층\n시그모이드",
        "layer 3 (output)\nidentity": "3층(출력층)\n항등 함수",
        "red: each neuron's signal for x = (1.0, 0.5)":
            "빨간색: x = (1.0, 0.5)일 때 각 뉴런의 신호",
    },
    "ch3_softmax": {
        "Scores a (the output layer's input)": "점수 a(출력층의 입력)",
        "probability": "확률",
        "score": "점수",
        "softmax(a): positive, sum to 1": "softmax(a): 모두 양수이고 합은 1",
    },
    "ch3_mnist_digits": {},
    "ch3_misclassified": {
        "The first 12 test images the network gets wrong":
            "신경망이 틀린 첫 시험 이미지 12장",
    },
    "ch4_three_approaches": {
        "answer": "답",
        "designed by a person": "사람이 설계함",
        "end-to-end: from raw pixels to the answer,\nno step designed by hand":
            "종단간: 원시 픽셀에서 답까지,\n사람이 설계한 단계가 없음",
        "features a person\ndesigns (SIFT, HOG)": "사람이 설계한 특징\n(SIFT, HOG)",
        "image": "이미지",
        "learned from data": "데이터에서 학습함",
        "machine learning\n(SVM, KNN)": "기계학습\n(SVM, KNN)",
        "neural network\n(deep learning)": "신경망\n(딥러닝)",
        "rules a person writes\n(the whole algorithm)":
            "사람이 작성한 규칙\n(알고리즘 전체)",
    },
    "ch4_cross_entropy": {
        "cross-entropy error": "교차 엔트로피 오차",
        "y: probability the network gives the right class":
            "y: 신경망이 정답 클래스에 준 확률",
    },
    "ch4_loss_vs_accuracy": {
        "accuracy": "정확도",
        "accuracy: flat steps, slope 0": "정확도: 평평한 계단, 기울기 0",
        "cross-entropy error": "교차 엔트로피 오차",
        "loss: smooth, sloped almost everywhere":
            "손실: 매끄럽고 거의 어디서나 기울어 있음",
    },
    "ch4_forward_vs_central": {
        "central difference": "중심 차분",
        "error of the derivative of exp at x = 1": "x = 1에서 exp의 미분 오차",
        "forward difference": "전방 차분",
        "h = 1e-4\n(numerical_diff)": "h = 1e-4\n(numerical_diff)",
        "rounding error\ngrows like 1/h": "반올림 오차\n1/h에 비례해 커짐",
        "step h": "간격 h",
        "truncation error\nforward ~ h, central ~ h²": "절단 오차\n전방 ~ h, 중심 ~ h²",
    },
    "ch4_tangent": {
        "numerical_diff": "numerical_diff",
        "the derivative": "도함수",
        "the function and two tangents": "함수와 접선 두 개",
    },
    "ch4_gradient_field": {
        "−∇f for f(x0, x1) = x0² + x1²": "f(x0, x1) = x0² + x1²의 −∇f",
    },
    "ch4_descent_paths": {
        "100 steps: too big diverges, too small stalls":
            "100단계: 너무 크면 발산하고 너무 작으면 멈춤",
        "distance from the minimum (0, 0)": "최솟값 (0, 0)까지의 거리",
        "step": "단계",
        "the first 20 steps from (−3, 4)": "(−3, 4)에서 시작한 처음 20단계",
        "x ± h rounds to x:\nthe numerical gradient is 0":
            "x ± h가 x로 반올림됨:\n수치 기울기는 0",
    },
    "ch4_training_curves": CURVES,
    "ch5_shopping_graph": {
        "apple price": "사과 가격",
        "apples bought": "사과 개수",
        "backward: ∂(total price) / ∂(this value)": "역전파: ∂(지불 금액) / ∂(이 값)",
        "forward: values (won, counts, rate)": "순전파: 값(원, 개수, 세율)",
        "orange price": "귤 가격",
        "oranges bought": "귤 개수",
        "tax rate": "세율",
        "total price": "지불 금액",
    },
    "ch5_chain_rule_graph": {
        "backward: ∂z/∂(this value)": "역전파: ∂z/∂(이 값)",
    },
    "ch5_add_mul_nodes": {
        "add node: z = x + y": "덧셈 노드: z = x + y",
        "multiply node: z = x × y": "곱셈 노드: z = x × y",
    },
    "ch5_sigmoid_graph": {
        "backward: ∂L/∂(this value), given ∂L/∂y from the right":
            "역전파: ∂L/∂(이 값), 오른쪽에서 ∂L/∂y가 주어짐",
        "forward: values": "순전파: 값",
    },
    "ch5_relu_graph": {
        "when x > 0": "x > 0일 때",
        "when x ≤ 0": "x ≤ 0일 때",
    },
    "ch5_affine_graph": {
        "$\\partial L / \\partial \\mathbf{Y}$ summed over axis 0 (3,)":
            "$\\partial L / \\partial \\mathbf{Y}$를 0번 축으로 합함 (3,)",
        "backward: ∂L/∂(this value), the same shape as the value":
            "역전파: ∂L/∂(이 값), 값과 같은 형상",
        "forward: values and their shapes (batch N = 2)":
            "순전파: 값과 그 형상(배치 N = 2)",
    },
    "ch5_softmax_with_loss_graph": {
        "backward: ∂L/∂(this value)": "역전파: ∂L/∂(이 값)",
        "forward: the book's scores a, probabilities y, loss L":
            "순전파: 책의 점수 a, 확률 y, 손실 L",
    },
    "ch5_gradient_check": {
        "absolute value": "절댓값",
        "max |difference|": "최대 |차이|",
        "max |gradient| (for scale)": "최대 |기울기|(규모 비교용)",
        "mean |difference|": "평균 |차이|",
    },
    "ch5_training_curves": {
        "epoch": "에폭",
        "loss (cross-entropy)": "손실(교차 엔트로피)",
        "mean of last 100": "최근 100개의 평균",
        **CURVES,
    },
    "performance_gradients": {
        "seconds for one gradient (log scale)":
            "기울기 1회 계산 시간(초, 로그 눈금)",
        **PERFORMANCE,
    },
    "performance_inference": {
        "milliseconds (median; shorter is faster)": "밀리초(중앙값, 짧을수록 빠름)",
        **PERFORMANCE,
    },
    "performance_training": {
        "µs per training iteration (median; shorter is faster)":
            "학습 1회 반복 시간(µs, 중앙값, 짧을수록 빠름)",
        **PERFORMANCE,
    },
    # Not a figure: the tables of book.performance, printed on the Korean page.
    "performance_tables": {
        ", no PyTorch": ", PyTorch 없음",
        "\n(no PyTorch row: ": "\n(PyTorch 행 없음: ",
        "dlfs TwoLayerNet (float32)": "dlfs TwoLayerNet (float32)",
        "implementation": "구현",
        "µs/iter": "µs/반복",
        "iter/s": "반복/s",
        "× ours": "× dlfs",
        "× floor": "× 하한",
        "test acc": "시험 정확도",
        "way": "방법",
        "ms": "ms",
        "speedup over loop": "한 장씩 대비 속도",
        "one gradient": "기울기 한 번",
        "result": "결과",
        "numerical / backpropagation": "수치 미분 / 오차역전파법",
        "largest difference": "최대 차이",
        "hidden inputs within h of ReLU's kink": "꺾이는 점에서 h 이내인 은닉 입력",
        "largest difference away from them": "그 밖의 최대 차이",
        "product": "곱",
        "shapes": "형상",
        "MFLOP": "MFLOP",
        "float32 µs": "float32 µs",
        "float64 µs": "float64 µs",
        "one iteration": "반복 한 번",
        "rate (GFLOP/s)": "속도(GFLOP/s)",
        "target": "목표",
        "measured": "측정값",
        "goal": "기준",
        "met": "달성",
        "yes": "예",
        "NO": "아니요",
        "not measured": "측정 안 함",
        "test accuracy of our network after the training iterations":
            "학습 반복을 마친 dlfs 신경망의 시험 정확도",
        **PERFORMANCE,
    },
}

# Labels that carry numbers from code or a committed log.
PATTERNS: dict[str, list[tuple[str, str]]] = {
    "ch3_activations": [(r"^leaky ReLU \(alpha = (\S+)\)$", r"리키 ReLU (alpha = \1)")],
    "ch3_mnist_digits": [(r"^label (\d)$", r"정답 \1")],
    "ch3_softmax": [(r"^class (\d+)$", r"클래스 \1")],
    "ch3_misclassified": [
        (r"^#(\d+): predicted (\d)\ntrue (\d), p = ([\d.]+)$",
         r"#\1: 예측 \2\n정답 \3, p = \4")
    ],
    "ch4_cross_entropy": [(r"^y = ([\d.]+): loss ([\d.]+)$", r"y = \1: 손실 \2")],
    "ch4_loss_vs_accuracy": [(r"^value of one weight, (.+)$", r"가중치 하나의 값, \1")],
    "ch4_tangent": [
        (r"^exact: (.+)$", r"정확한 값: \1"),
        (r"^tangent at x = (\S+), slope (\S+)$", r"x = \1에서의 접선, 기울기 \2"),
    ],
    "ch5_chain_rule_graph": [
        (r"^forward: values at x = (\S+), y = (\S+)$",
         r"순전파: x = \1, y = \2일 때의 값"),
    ],
    "ch4_training_curves": [
        (r"^accuracy on ([\d,]+) training and ([\d,]+) test images$",
         r"훈련 이미지 \1장과 시험 이미지 \2장에 대한 정확도"),
        (r"^loss of each mini-batch of (\d+)$", r"미니배치(\1장)별 손실"),
    ],
    "ch5_gradient_check": [
        (r"^Backprop vs numerical gradient: TwoLayerNet (\S+), (\d+) MNIST images$",
         r"오차역전파법과 수치 미분의 기울기 비교: TwoLayerNet \1, MNIST 이미지 \2장"),
        (r"^(\w+)\n\(([\d,]+) values\)$", r"\1\n(값 \2개)"),
    ],
    "performance_gradients": [
        (r"^One gradient of the (\S+) network, batch (\d+)$",
         r"\1 신경망의 기울기 한 번, 배치 \2"),
    ],
    "performance_inference": [
        (r"^Inference on ([\d,]+) MNIST test images$", r"MNIST 시험 이미지 \1장 추론"),
        *BATCHES,
    ],
    "performance_training": [
        (r"^One training iteration, (\S+) network, batch (\d+)$",
         r"학습 반복 한 번, \1 신경망, 배치 \2"),
    ],
    "performance_tables": [
        (r"^(\d+) CPUs?, (\d+) threads?$", r"CPU \1개, 스레드 \2개"),
        (r"^(\d+) CPUs?, (\d+) threads?, load average (\S+) at the start$",
         r"CPU \1개, 스레드 \2개, 시작 시 부하 평균 \3"),
        *BATCHES,
        (r"^our training iteration at least (\S+)x faster than the book's algorithm$",
         r"dlfs의 학습 반복이 책의 알고리즘보다 \1배 이상 빠름"),
        (r"^our training iteration no slower than PyTorch eager float32$",
         r"dlfs의 학습 반복이 PyTorch 즉시 실행(float32)보다 느리지 않음"),
        (r"^our training iteration within (\S+)x of its matrix products alone$",
         r"dlfs의 학습 반복이 그 행렬 곱만의 \1배 이내"),
        (r"^inference in batches of (\d+) within (\S+)x of its matrix products alone$",
         r"크기 \1인 배치로 한 추론이 그 행렬 곱만의 \2배 이내"),
        (r"^inference in batches of (\d+) at least (\S+)x faster "
         r"than one image at a time$",
         r"크기 \1인 배치로 한 추론이 한 장씩 할 때보다 \2배 이상 빠름"),
    ],
    "ch5_training_curves": [
        (r"^TwoLayerNet (\S+) on MNIST: "
         r"batch (\d+), SGD lr (\S+), ([\d,]+) iterations$",
         r"MNIST에서 TwoLayerNet \1: 배치 \2, SGD lr \3, 반복 \4회"),
        (r"^test ([\d.]+)$", r"시험 \1"),
    ],
}

# fmt: on


def translate(text: str, name: str) -> str | None:
    """The Korean label for ``text`` in figure ``name``, or None if it has none."""
    if text in LABELS[name]:
        return LABELS[name][text]
    for pattern, korean in PATTERNS.get(name, []):
        if re.fullmatch(pattern, text):
            return re.sub(pattern, korean, text)
    if "\n" in text:  # a title wrapped for the stacked (narrow) drawing
        korean = translate(" ".join(text.split()), name)
        return None if korean is None else "\n".join(textwrap.wrap(korean, 30))
    return None
