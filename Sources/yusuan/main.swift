import YusuanCLI

YusuanCommand.main()
