"""The type checker's mutation corpus as projects: a compilation database for some of
its programs, each unit compiled with the runtime's headers and its program's folder
(score and run share it)."""
import json
import os


def write_database(project, programs, runtime_include, compiler="c++"):
    """Writes project/compile_commands.json for every .cpp of the program folders
    `programs` (relative to `project`); returns each unit's command as a list."""
    database, commands = [], []
    for program in programs:
        folder = os.path.join(project, program)
        for unit in sorted(os.listdir(folder)):
            if not unit.endswith(".cpp"):
                continue
            arguments = [compiler, "-std=c++20", "-I" + runtime_include, "-I" + folder,
                         "-c", os.path.normpath(os.path.join(program, unit))]
            database.append({"directory": project, "file": arguments[-1],
                             "arguments": arguments})
            commands.append(arguments)
    with open(os.path.join(project, "compile_commands.json"), "w") as out:
        json.dump(database, out)
    return commands


def expectations(folder):
    """The (warning id, file, line) of every `// expect: <id>` line of a program."""
    found = set()
    for file in sorted(os.listdir(folder)):
        with open(os.path.join(folder, file)) as text:
            for number, line in enumerate(text, 1):
                if "// expect: " in line:
                    found.add((line.split("// expect: ")[1].strip(), file, number))
    return found
