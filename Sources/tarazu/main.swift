import Foundation
import TarazuCLI

exit(await TarazuCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
