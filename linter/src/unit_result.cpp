#include "unit_result.hpp"

#include <llvm/Support/JSON.h>

#include "retort/core/diagnostic_json.hpp"

namespace retort::lint {
namespace {

llvm::json::Object observation_json(const StyleObservation& observation) {
  return llvm::json::Object{{"check_id", observation.check_id},  {"style", observation.style},
                            {"message", observation.message},    {"file", observation.file},
                            {"line", observation.line},          {"column", observation.column},
                            {"dimension", observation.dimension}};
}

std::optional<StyleObservation> observation_from(const llvm::json::Value& value) {
  const auto* object = value.getAsObject();
  if (object == nullptr) return std::nullopt;
  auto check_id = object->getString("check_id");
  auto style = object->getString("style");
  auto message = object->getString("message");
  auto file = object->getString("file");
  auto line = object->getInteger("line");
  auto column = object->getInteger("column");
  auto dimension = object->getString("dimension");
  if (!check_id || !style || !message || !file || !line || !column || !dimension)
    return std::nullopt;
  return StyleObservation{check_id->str(),
                          style->str(),
                          message->str(),
                          file->str(),
                          static_cast<unsigned>(*line),
                          static_cast<unsigned>(*column),
                          dimension->str()};
}

// Reads `name` (an array of path strings) into `paths`.
bool read_paths(const llvm::json::Object& object, llvm::StringRef name,
                std::set<std::filesystem::path>& paths) {
  const auto* array = object.getArray(name);
  if (array == nullptr) return false;
  for (const auto& item : *array) {
    auto text = item.getAsString();
    if (!text) return false;
    paths.insert(text->str());
  }
  return true;
}

}  // namespace

std::string unit_result_to_json(const UnitResult& result, const std::vector<std::string>& stamps) {
  llvm::json::Array diagnostics, observations, project_files, input_files, stamp_list;
  for (const auto& diagnostic : result.diagnostics)
    diagnostics.push_back(diagnostic_to_json(diagnostic));
  for (const auto& observation : result.observations)
    observations.push_back(observation_json(observation));
  for (const auto& file : result.project_files) project_files.push_back(file.string());
  for (const auto& file : result.input_files) input_files.push_back(file.string());
  for (const auto& stamp : stamps) stamp_list.push_back(stamp);
  llvm::json::Value value = llvm::json::Object{{"diagnostics", std::move(diagnostics)},
                                               {"observations", std::move(observations)},
                                               {"project_files", std::move(project_files)},
                                               {"input_files", std::move(input_files)},
                                               {"stamps", std::move(stamp_list)}};
  std::string text;
  llvm::raw_string_ostream stream(text);
  stream << value;
  return stream.str();
}

std::optional<UnitResult> unit_result_from_json(const llvm::json::Object& object,
                                                FileStamps& stamps) {
  UnitResult result;
  const auto* diagnostics = object.getArray("diagnostics");
  const auto* observations = object.getArray("observations");
  if (diagnostics == nullptr || observations == nullptr || !stamps.are_inputs_current(object))
    return std::nullopt;
  for (const auto& item : *diagnostics) {
    auto diagnostic = diagnostic_from_json(item);
    if (!diagnostic) return std::nullopt;
    result.diagnostics.push_back(std::move(*diagnostic));
  }
  for (const auto& item : *observations) {
    auto observation = observation_from(item);
    if (!observation) return std::nullopt;
    result.observations.push_back(std::move(*observation));
  }
  if (!read_paths(object, "project_files", result.project_files) ||
      !read_paths(object, "input_files", result.input_files))
    return std::nullopt;
  return result;
}

}  // namespace retort::lint
