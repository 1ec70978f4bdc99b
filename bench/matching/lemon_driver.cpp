// Solves a DIMACS min-cost flow file with LEMON's NetworkSimplex (default Block Search pivot) and
// prints "s COST" and "c time SECONDS". The time covers what our CLI's does: building the solver's
// network from the graph and solving, not reading the file. Built by bench/matching/run.ts.
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  using Graph = lemon::SmartDigraph;
  using Solver = lemon::NetworkSimplex<Graph, long long, long long>;
  if (argc != 2) {
    std::cerr << "usage: lemon_driver FILE.min\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 1;
  }
  Graph g;
  Graph::ArcMap<long long> lower(g), capacity(g), cost(g);
  Graph::NodeMap<long long> supply(g);
  lemon::readDimacsMin(in, g, lower, capacity, cost, supply);

  auto start = std::chrono::steady_clock::now();
  Solver solver(g);
  solver.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
  Solver::ProblemType status = solver.run();
  long long total = status == Solver::OPTIMAL ? solver.totalCost() : 0;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (status == Solver::INFEASIBLE) {
    std::cerr << argv[1] << ": infeasible\n";
    return 1;
  }
  if (status == Solver::UNBOUNDED) {
    std::cerr << argv[1] << ": unbounded\n";
    return 1;
  }
  std::cout << "s " << total << "\nc time " << seconds << "\n";
  return 0;
}
